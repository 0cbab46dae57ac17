/**
 * The monitor's one vocabulary. Every layer (engine, CLI, hosts, window, tray, notifications) uses these words and
 * no synonyms: a message's **phase** (where its watch stands), its **status kind** (what SMSBAT's status means),
 * the engine's **health mode** and **blocker**, the **message events** worth telling people about, and one name per
 * **action** a user can take.
 */
export type { StatusKind } from './status';
export { STATUS_KINDS } from './status';

/** Where a watch stands: still being checked, settled, not known to SMSBAT, or abandoned after the watch window. */
export type WatchPhase = 'watching' | 'final' | 'not_found' | 'gave_up';

/** Every phase, in the order people read them. */
export const WATCH_PHASES: readonly WatchPhase[] = ['watching', 'final', 'not_found', 'gave_up'];

/** What the engine is doing as a whole, independent of any blocker. */
export type HealthMode = 'idle' | 'running' | 'paused' | 'stopped';

/** Every health mode. */
export const HEALTH_MODES: readonly HealthMode[] = ['idle', 'running', 'paused', 'stopped'];

/**
 * Why no check can be sent right now, for every message at once: SMSBAT asked us to slow down, rejected the
 * credentials, the base URL does not answer like SMSBAT, SMSBAT cannot be reached, or there are no credentials yet.
 */
export type HoldKind =
  'rate_limited' | 'credentials_rejected' | 'wrong_base_url' | 'offline' | 'no_credentials';

/** Every hold kind. */
export const HOLD_KINDS: readonly HoldKind[] = [
  'credentials_rejected',
  'wrong_base_url',
  'no_credentials',
  'offline',
  'rate_limited',
];

/**
 * What holds the engine back as a whole: a hold on every check ({@link HoldKind}), or `save_failed`: the watch list
 * cannot be saved (disk full, read-only, held by another program), so nothing new is kept; checks go on.
 */
export type BlockerKind = HoldKind | 'save_failed';

/** Every blocker kind, most serious first (the order the window and the tray use). */
export const BLOCKER_KINDS: readonly BlockerKind[] = [
  'save_failed',
  'credentials_rejected',
  'wrong_base_url',
  'no_credentials',
  'offline',
  'rate_limited',
];

/**
 * Something that happened to one message that people may want to hear about. Decided once, in the engine, and
 * reused by the CLI, the window, the tray and the notifications. A check that changes nothing emits nothing.
 * - `status_changed`: a new non-final status (e.g. scheduled -> processing), or an unknown one;
 * - `delivered` / `failed`: a final status arrived in time (or with no deadline);
 * - `delivered_late`: a delivery arrived after the message's deadline;
 * - `overdue`: the deadline passed with no final status (the message is still checked);
 * - `not_found`: SMSBAT kept answering 404 after the retries a just-sent id gets;
 * - `gave_up`: the watch window ended before a final status;
 * - `check_failed`: a check failed in a new way (a repeat of the same failure emits nothing).
 */
export type MessageEventKind =
  | 'status_changed'
  | 'delivered'
  | 'failed'
  | 'delivered_late'
  | 'overdue'
  | 'not_found'
  | 'gave_up'
  | 'check_failed';

/** Every message event kind. */
export const MESSAGE_EVENT_KINDS: readonly MessageEventKind[] = [
  'status_changed',
  'delivered',
  'failed',
  'delivered_late',
  'overdue',
  'not_found',
  'gave_up',
  'check_failed',
];

/**
 * One name per thing a user can do, used for engine methods, contract entries, menu items and CLI commands:
 * `watch` / `unwatch` (never add / remove), `refresh`, `pause` / `resume`, `acknowledge` (a failure was seen),
 * `clearFinished`, `setLabel`, `setDeadline`, `updateSettings`.
 */
export type ActionName =
  | 'watch'
  | 'unwatch'
  | 'refresh'
  | 'pause'
  | 'resume'
  | 'acknowledge'
  | 'clearFinished'
  | 'setLabel'
  | 'setDeadline'
  | 'updateSettings';
