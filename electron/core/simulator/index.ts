/** The SMSBAT simulator: a deterministic, fault-injecting stand-in for SMSBAT's status endpoint. */
export { createSimulator, MAX_LOGGED_REQUESTS } from './handler';
export { startSimulator } from './server';
export {
  DELIVERY_MODEL,
  MISSING_PREFIX,
  finalAfterMs,
  isKnownId,
  isWellFormedId,
  responseBody,
  stepAt,
  timelineFor,
  type DeliveryCategory,
  type ExtendedStatuses,
  type MessageTimeline,
  type SimulatorCurrency,
  type TimelineStep,
} from './delivery-model';
export {
  DEFAULT_PROFILE,
  ProfileError,
  parseDeliveryProfile,
  readProfileFile,
  type DelayDistribution,
  type DeliveryProfile,
  type ProfileOutcome,
} from './profiles';
export { UNKNOWN_STATUSES, type InjectedFault } from './faults';
export { planWebhooks, REORDER_GAP_MS, type PlannedWebhook, type WebhookFaults } from './webhook-plan';
export {
  hostileRequests,
  startWebhookPoster,
  type HostileRequest,
  type WebhookPoster,
  type WebhookPosterOptions,
  type WebhookPosterStats,
} from './webhook-poster';
export {
  DEMO_CREDENTIALS,
  type RunningSimulator,
  type Simulator,
  type SimulatorAuthMethod,
  type SimulatorCredentials,
  type SimulatorFaults,
  type SimulatorOptions,
  type SimulatorReply,
  type SimulatorRequest,
  type SimulatorRequestRecord,
  type StartSimulatorOptions,
} from './types';
