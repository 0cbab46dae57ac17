import type { Credentials } from '../../shared/credentials';
import type { EngineSettings, MessageView, MonitorApi } from '../../shared/engine-api';
import type { DeliveryProfileStore } from '../core/learning/profile-store';
import type { SavedRecord, WatchListStore } from '../core/watch-list-store';
import type { WebhookEngineOptions } from '../core/engine/webhook-intake';
import type { AppliedPush } from '../core/monitor-engine';
import type { WebhookStatus } from '../core/webhook/webhook-payload';

/** Where checks go and how they sign in. The credentials are secret: they stay in the host process. */
export interface EngineConnection {
  readonly baseUrl: string;
  readonly credentials: Credentials;
}

/** What restoring exported messages did. */
export interface RestoreResult {
  readonly restored: readonly string[];
  /** Ids that were already on the list (left as they are). */
  readonly skipped: readonly string[];
  /** Records the engine would not take, with the reason (ids that are not message ids). */
  readonly refused: readonly { readonly id: string; readonly reason: string }[];
}

/** The engine as a host drives it: the contract's `MonitorApi` plus its lifecycle and the connection. */
export interface HostEngine extends MonitorApi {
  /** Loads the saved list and starts checking. */
  start(): Promise<void>;
  /** Stops checking and saves the list. */
  stop(): Promise<void>;
  /** After sleep, an unlocked screen or the network coming back: re-checks at once, keeping a person's pause. */
  wake(): void;
  /** Checks go to this SMSBAT (or simulator) from now on; null: no credentials, every check waits. */
  useConnection(connection: EngineConnection | null): void;
  /** One watched message as it stands now, or undefined when it is not on the list. */
  message(messageId: string): MessageView | undefined;
  /** Resolves once every change made so far is saved; rejects with the reason when the watch list cannot be saved. */
  persisted(): Promise<void>;
  /**
   * Puts exported records back on the list as they were (status, history, label); skips ids already watched.
   * Rejects, changing nothing, when the records cannot be saved; the engine keeps running either way.
   */
  restore(records: readonly SavedRecord[]): Promise<RestoreResult>;
  /** Applies a status SMSBAT pushed to the webhook receiver (see `MonitorEngine.applyPushed`). */
  applyPushed(status: WebhookStatus, options?: { readonly watchUnknown?: boolean }): AppliedPush;
}

/** What a host gives the engine when it builds one. */
export interface HostEngineOptions {
  readonly store: WatchListStore;
  /** Saved settings to start with (validated by the engine; an invalid saved value is reported and dropped). */
  readonly settings: Partial<EngineSettings>;
  /** Called when saving the list fails (the list stays in memory). */
  readonly onStoreError: (error: unknown) => void;
  /** Told about saved settings the engine refused (they are dropped, the defaults stay). */
  readonly onProblem: (message: string) => void;
  /** Where the learned delivery profile is kept between runs. @default in memory */
  readonly profileStore?: DeliveryProfileStore;
  /** Whether webhooks are on, so polling can back off while they flow. @default polling only */
  readonly webhooks?: WebhookEngineOptions;
}

/** Builds the engine a host serves. */
export type HostEngineFactory = (options: HostEngineOptions) => HostEngine;
