import type { EngineHealth } from './engine-health';
import type { WatchCounts } from './watch-counts';

/**
 * The one state that sums up the whole monitor for a glance (tab title, favicon, tray icon): the worst thing going
 * on wins, by the explicit priority table {@link AGGREGATE_PRIORITY}. Pausing, snoozing and the demo are marks shown
 * beside the state ({@link AggregateMarks}), never states of their own, so a paused monitor still shows its failures.
 */
export type AggregateKind =
  | 'save_failed'
  | 'credentials_rejected'
  | 'wrong_base_url'
  | 'no_credentials'
  | 'offline'
  | 'failed'
  | 'overdue'
  | 'rate_limited'
  | 'watching'
  | 'all_final'
  | 'empty';

/**
 * Every aggregate kind, worst first: the first that applies is the aggregate state.
 * - checks cannot reach SMSBAT at all (credentials rejected, wrong base URL, no credentials, offline): nothing below
 *   can be trusted to change, so this is what a person must fix first;
 * - failures no person acknowledged yet, then overdue messages: news about messages;
 * - rate limited: SMSBAT asked to slow down, checks resume by themselves;
 * - watching: messages still being checked;
 * - all final: every message settled (delivered, failed and acknowledged, or given up and acknowledged);
 * - empty: nothing is watched.
 */
export const AGGREGATE_PRIORITY: readonly AggregateKind[] = [
  'save_failed',
  'credentials_rejected',
  'wrong_base_url',
  'no_credentials',
  'offline',
  'failed',
  'overdue',
  'rate_limited',
  'watching',
  'all_final',
  'empty',
];

/** How a state should look: red for problems that need a person, amber for waits, blue for work, green, grey. */
export type AggregateSeverity = 'error' | 'warning' | 'active' | 'ok' | 'idle';

/** The severity of each aggregate kind. */
export const AGGREGATE_SEVERITY: Readonly<Record<AggregateKind, AggregateSeverity>> = {
  save_failed: 'error',
  credentials_rejected: 'error',
  wrong_base_url: 'error',
  no_credentials: 'warning',
  offline: 'warning',
  failed: 'error',
  overdue: 'warning',
  rate_limited: 'warning',
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

/** What the aggregate state is computed from: the engine's health and the watch list's counts, never the list. */
export interface AggregateInput {
  readonly health: EngineHealth;
  readonly counts: WatchCounts;
}

/** Marks shown beside the state: polling paused by a person, notifications snoozed, the demo simulator answering. */
export interface AggregateMarks {
  readonly paused: boolean;
  readonly snoozed: boolean;
  readonly demo: boolean;
}

/** No marks. */
export const NO_MARKS: AggregateMarks = { paused: false, snoozed: false, demo: false };

/** How many messages each kind concerns (0: it does not apply); engine-wide kinds are 1 when they apply. */
function applies(kind: AggregateKind, { health, counts }: AggregateInput): number {
  switch (kind) {
    case 'save_failed':
    case 'credentials_rejected':
    case 'wrong_base_url':
    case 'no_credentials':
    case 'offline':
    case 'rate_limited':
      return health.blocker?.kind === kind ? 1 : 0;
    case 'failed':
      return counts.unacknowledgedFailures;
    case 'overdue':
      return counts.overdue;
    case 'watching':
      return counts.watching;
    case 'all_final':
      return counts.watching === 0 ? counts.total : 0;
    case 'empty':
      return 1;
  }
}

const PER_MESSAGE: ReadonlySet<AggregateKind> = new Set(['failed', 'overdue', 'watching', 'all_final']);

/** Picks the worst state that applies, by {@link AGGREGATE_PRIORITY}. Pure, and as cheap as the table is long. */
export function aggregateState(input: AggregateInput): AggregateState {
  for (const kind of AGGREGATE_PRIORITY) {
    const count = applies(kind, input);
    if (count > 0)
      return { kind, count: PER_MESSAGE.has(kind) ? count : 0, severity: AGGREGATE_SEVERITY[kind] };
  }
  return { kind: 'empty', count: 0, severity: 'idle' };
}

/** The marks beside the state: paused from the engine's mode, the demo from the connection, snoozed from the host. */
export function aggregateMarks(health: EngineHealth, demo: boolean, snoozed: boolean): AggregateMarks {
  return { paused: health.mode === 'paused', snoozed, demo };
}
