import type { EngineHealth } from './engine-health';
import type { MessageView } from './engine-api';
import { bucketOf } from './totals';

/**
 * The one state that sums up the whole monitor for a glance (tab title, favicon, tray): the worst thing going on
 * wins, by the explicit priority table {@link AGGREGATE_PRIORITY}.
 */
export type AggregateKind =
  | 'save_failed'
  | 'credentials_rejected'
  | 'wrong_base_url'
  | 'no_credentials'
  | 'failed'
  | 'overdue'
  | 'offline'
  | 'rate_limited'
  | 'paused'
  | 'watching'
  | 'all_final'
  | 'empty';

/** Every aggregate kind, worst first: the first that applies is the aggregate state. */
export const AGGREGATE_PRIORITY: readonly AggregateKind[] = [
  'save_failed',
  'credentials_rejected',
  'wrong_base_url',
  'no_credentials',
  'failed',
  'overdue',
  'offline',
  'rate_limited',
  'paused',
  'watching',
  'all_final',
  'empty',
];

/** How a state should look: red for problems that need a person, amber for waits, blue for work, green, grey. */
export type AggregateSeverity = 'error' | 'warning' | 'active' | 'ok' | 'idle';

const SEVERITY: Readonly<Record<AggregateKind, AggregateSeverity>> = {
  save_failed: 'error',
  credentials_rejected: 'error',
  wrong_base_url: 'error',
  no_credentials: 'warning',
  failed: 'error',
  overdue: 'warning',
  offline: 'warning',
  rate_limited: 'warning',
  paused: 'idle',
  watching: 'active',
  all_final: 'ok',
  empty: 'idle',
};

/** The aggregate state: its kind, how many messages it concerns (0 for engine-wide states), and its severity. */
export interface AggregateState {
  readonly kind: AggregateKind;
  readonly count: number;
  readonly severity: AggregateSeverity;
}

/** What the aggregate state is computed from. */
export interface AggregateInput {
  readonly health: EngineHealth;
  readonly messages: Iterable<Omit<MessageView, 'history'>>;
}

/**
 * Picks the worst state that applies. Failures a person acknowledged no longer count; a message that SMSBAT does not
 * know (not found) counts as failed; one whose watch ended without a final status counts as overdue.
 */
export function aggregateState(input: AggregateInput): AggregateState {
  const counts: Record<AggregateKind, number> = {
    save_failed: 0,
    credentials_rejected: 0,
    wrong_base_url: 0,
    no_credentials: 0,
    failed: 0,
    overdue: 0,
    offline: 0,
    rate_limited: 0,
    paused: 0,
    watching: 0,
    all_final: 0,
    empty: 1,
  };
  const blocker = input.health.blocker;
  if (blocker !== null) counts[blocker.kind] = 1;
  if (input.health.mode === 'paused') counts.paused = 1;
  for (const message of input.messages) {
    counts.empty = 0;
    const bucket = bucketOf(message);
    if (!message.acknowledged && (bucket === 'failed' || bucket === 'not_found')) counts.failed += 1;
    else if (
      !message.acknowledged &&
      (bucket === 'gave_up' || (message.overdue && message.phase === 'watching'))
    )
      counts.overdue += 1;
    if (message.phase === 'watching') counts.watching += 1;
    else counts.all_final += 1;
  }
  if (counts.watching > 0) counts.all_final = 0;
  const kind = AGGREGATE_PRIORITY.find((candidate) => counts[candidate] > 0) ?? 'empty';
  const engineWide = kind !== 'failed' && kind !== 'overdue' && kind !== 'watching' && kind !== 'all_final';
  return { kind, count: engineWide ? 0 : counts[kind], severity: SEVERITY[kind] };
}
