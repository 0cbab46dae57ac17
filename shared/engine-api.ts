import type { AuthMethod } from './credentials';
import type { EngineHealth } from './engine-health';
import type { HoldKind, MessageEventKind } from './glossary';
import type { WatchedMessage } from './message';
import type { RejectedToken } from './message-ids';
import type { Totals } from './totals';

/**
 * The engine's surface as every host drives it (Electron IPC, the loopback browser host, the CLI). Everything here
 * is plain JSON: no class instances, no functions, never a secret. Times are epoch milliseconds.
 */

/** Why a check is held for one message, with when it ends (null: until someone acts, e.g. new credentials). */
export interface HeldBy {
  readonly reason: HoldKind | 'paused';
  readonly until: number | null;
}

/** Where one message stands in the scheduler right now. Null on a message that is no longer checked. */
export interface ScheduleFacts {
  /** When the next check is planned (epoch ms); null while in flight or held with no end. */
  readonly nextCheckAt: number | null;
  readonly inFlight: boolean;
  /** Failed checks in a row (network, server, 404 while a just-sent id gets its retries...). */
  readonly consecutiveFailures: number;
  /** A global pause holding this message's next check, or null. */
  readonly heldBy: HeldBy | null;
}

/** A watched message as hosts see it: the saved record plus the acknowledgement and the scheduling facts. */
export interface MessageView extends WatchedMessage {
  /** A person saw this failure (tray and notifications stop counting it as news). */
  readonly acknowledged: boolean;
  readonly schedule: ScheduleFacts | null;
}

/** Settings that can change while the engine runs. */
export interface EngineSettings {
  /** The most requests started in any one second, at most SMSBAT's 50. */
  readonly rateCapPerSecond: number;
  /** The most requests in flight at once. */
  readonly concurrency: number;
  /** How long after being watched a message is given to reach a final status. */
  readonly watchWindowMs: number;
  /** The delay before a message's second check (and after each status change). */
  readonly firstIntervalMs: number;
  /** SMSBAT's address, e.g. https://restapi.smsbat.com. */
  readonly baseUrl: string;
  /** How the credentials are sent. */
  readonly authMethod: AuthMethod;
}

/** One message event (see `MessageEventKind` in the glossary), with the status before and after where it applies. */
export interface MessageEvent {
  readonly kind: MessageEventKind;
  readonly messageId: string;
  /** When it happened (epoch ms). */
  readonly at: number;
  readonly label: string | null;
  readonly rawStatus: string | null;
  readonly previousRawStatus: string | null;
}

/** Everything a host needs to draw the engine from scratch. `version` grows by one with every change. */
export interface EngineSnapshot {
  readonly version: number;
  readonly messages: readonly MessageView[];
  readonly health: EngineHealth;
  readonly totals: Totals;
  readonly settings: EngineSettings;
}

/** One change after a snapshot: apply it only to the state at `version - 1`. */
export interface EngineChange {
  readonly version: number;
  readonly upserted: readonly MessageView[];
  readonly removed: readonly string[];
  readonly events: readonly MessageEvent[];
  /** Present when health changed in this change. */
  readonly health?: EngineHealth;
  /** Present when settings changed. */
  readonly settings?: EngineSettings;
  /** Present when upserted or removed changed the totals. */
  readonly totals?: Totals;
}

/** What `subscribe` delivers: first one snapshot, then every change in version order. */
export type EngineFeedItem =
  | { readonly type: 'snapshot'; readonly snapshot: EngineSnapshot }
  | { readonly type: 'change'; readonly change: EngineChange };

/** How to watch new ids. */
export interface WatchOptions {
  /** A name for the group, e.g. "Black Friday campaign"; trimmed, at most 100 characters. */
  readonly label?: string | null;
  /** Expect a final status within this many ms of watching (one-time codes). */
  readonly deadlineMs?: number | null;
}

/** What `watch` did with each id: watched now, already watched, or rejected with a reason. */
export interface WatchResult {
  readonly added: readonly string[];
  readonly alreadyWatched: readonly string[];
  readonly rejected: readonly RejectedToken[];
}

/** What `refreshNow` did with one id. */
export type RefreshOutcome =
  | { readonly messageId: string; readonly outcome: 'queued'; readonly at: number }
  | { readonly messageId: string; readonly outcome: 'cached' }
  | { readonly messageId: string; readonly outcome: 'in_flight' }
  | { readonly messageId: string; readonly outcome: 'held'; readonly heldBy: HeldBy }
  | { readonly messageId: string; readonly outcome: 'not_watched' };

/** A setting that was refused, named, with the reason. */
export interface SettingsProblem {
  readonly setting: keyof EngineSettings;
  readonly message: string;
}

/** The engine operations every host exposes (credentials are host-side: they go to the keychain first). */
export interface MonitorApi {
  snapshot(): EngineSnapshot;
  /** Delivers a snapshot at once, then every change; returns the unsubscribe function. */
  subscribe(listener: (item: EngineFeedItem) => void): () => void;
  watch(messageIds: readonly string[], options?: WatchOptions): WatchResult;
  /** Stops watching and forgets the ids; returns those that were on the list. */
  unwatch(messageIds: readonly string[]): readonly string[];
  refreshNow(messageIds?: readonly string[]): readonly RefreshOutcome[];
  pause(): void;
  resume(): void;
  /** Validates and applies; throws `SettingsError` (with `problems`) and changes nothing when any is invalid. */
  updateSettings(partial: Partial<EngineSettings>): EngineSettings;
  /** Forgets every message whose watch ended (final, not found, gave up); returns their ids. */
  clearFinished(): readonly string[];
  setLabel(messageIds: readonly string[], label: string | null): readonly string[];
  /** Sets (from now) or clears the deadline of watched ids. */
  setDeadline(messageIds: readonly string[], deadlineMs: number | null): readonly string[];
  acknowledge(messageIds: readonly string[]): readonly string[];
}
