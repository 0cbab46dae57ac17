/** Delivery profiles of the simulator: the data behind its delivery model. */
export {
  DEFAULT_PROFILE,
  PROFILE_STATUSES,
  ProfileError,
  finalShare,
  parseDeliveryProfile,
  type DeliveryProfile,
  type ProfileOutcome,
} from './delivery-profile';
export {
  delayCdf,
  delayMedianS,
  delayQuantileS,
  type DelayDistribution,
  type ExponentialDelay,
  type LognormalDelay,
  type UniformDelay,
} from './distributions';
export { readProfileFile } from './profile-file';
