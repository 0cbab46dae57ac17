import {
  LISTED_REJECTIONS,
  MAX_IDS_PER_REQUEST,
  listedSnapshot,
  type RequestHandlers,
  type UiPreferences,
} from '../../shared/contract';
import { parseMessageIdsWithin } from '../../shared/message-ids';
import type { ConnectionManager } from './connection-manager';
import { InvalidRequestError } from './contract-errors';
import type { HostEngine } from './engine-port';
import { exportMessages, selectMessages } from './export-view';
import { MAX_IMPORT_REASONS, importProblems, parseExport } from './import-messages';
import { mergePreferences } from './preferences';
import { SettingsNotSavedError, type SettingsStore } from './settings-store';

const MOST_IDS = MAX_IDS_PER_REQUEST.toLocaleString('en-US');
const TOO_MANY_IDS = `The text holds more than ${MOST_IDS} message ids, the most one paste can add. Nothing was added: add them in parts of up to ${MOST_IDS}.`;

/** The webhook receiver's requests, handled by `WebhookHost`. */
export type WebhookRequestName = 'getWebhooks' | 'updateWebhooks' | 'newWebhookSecret';

/** What the request handlers work with. */
export interface RequestHandlerDeps {
  readonly engine: HostEngine;
  readonly connections: ConnectionManager;
  readonly settings: SettingsStore;
  /** Where problems go that do not fail a request (a sign-in whose base URL could not be saved). */
  readonly onProblem?: (message: string) => void;
  /** Told when the preferences change, so every window follows. */
  readonly onPreferences: (preferences: UiPreferences) => void;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * One handler per contract request, shared by both hosts (Electron IPC and the loopback browser host). Payloads
 * arrive validated by the dispatcher; the object is a `RequestHandlers`, so a new contract entry is a compile error
 * until it is handled here.
 */
export function createRequestHandlers(deps: RequestHandlerDeps): Omit<RequestHandlers, WebhookRequestName> {
  const { engine, connections, settings, onPreferences } = deps;
  const now = deps.now ?? Date.now;
  return {
    snapshot: () => listedSnapshot(engine.snapshot()),
    messageHistory: ({ messageId }) => engine.message(messageId)?.history ?? null,
    // An answer to a watch means the ids are saved: it waits for the commit, and is an error when it failed.
    watch: async ({ messageIds, label, deadlineMs }) => {
      const result = engine.watch(messageIds, { label, deadlineMs });
      await engine.persisted();
      return result;
    },
    watchText: async ({ text, label, deadlineMs }) => {
      const parsed = parseMessageIdsWithin(text, {
        maxIds: MAX_IDS_PER_REQUEST,
        maxListedRejections: LISTED_REJECTIONS,
      });
      if (parsed.overIdLimit) throw new InvalidRequestError(TOO_MANY_IDS);
      const result = engine.watch(parsed.ids, { label, deadlineMs });
      await engine.persisted();
      const rejected = [...parsed.rejected, ...result.rejected];
      return {
        ...result,
        rejected: rejected.slice(0, LISTED_REJECTIONS),
        moreRejected: parsed.unlistedRejections + Math.max(0, rejected.length - LISTED_REJECTIONS),
        duplicates: parsed.duplicates,
      };
    },
    unwatch: ({ messageIds }) => engine.unwatch(messageIds),
    refresh: ({ messageIds }) => engine.refreshNow(messageIds),
    pause: () => {
      engine.pause();
      return null;
    },
    resume: () => {
      engine.resume();
      return null;
    },
    acknowledge: ({ messageIds }) => engine.acknowledge(messageIds),
    clearFinished: () => engine.clearFinished(),
    setLabel: ({ messageIds, label }) => engine.setLabel(messageIds, label),
    setDeadline: ({ messageIds, deadlineMs }) => engine.setDeadline(messageIds, deadlineMs),
    getSettings: () => engine.snapshot().settings,
    updateSettings: ({ settings: update }) => {
      const apply = async () => {
        const before = engine.snapshot().settings;
        const next = engine.updateSettings(update);
        // A change that could not be saved is not kept: the engine goes back to what is on disk.
        await settings.save({ engine: update }).catch((error: unknown) => {
          engine.updateSettings(before);
          throw error;
        });
        return next;
      };
      // A new base URL never gets credentials given for another address (see `changeBaseUrl`).
      return update.baseUrl === undefined ? apply() : connections.changeBaseUrl(update.baseUrl, apply);
    },
    getPreferences: () => settings.current.preferences,
    updatePreferences: async ({ preferences: update }) => {
      const next = mergePreferences(settings.current.preferences, update);
      await settings.save({ preferences: next });
      onPreferences(next);
      return next;
    },
    getConnection: () => connections.info(),
    connect: async (connection) => {
      const info = await connections.connect(connection);
      // Signed in either way; a base URL that could not be kept for the next start is told, not a failed sign-in.
      await settings
        .save({ engine: { baseUrl: connection.baseUrl, authMethod: connection.credentials.method } })
        .catch((error: unknown) => {
          if (!(error instanceof SettingsNotSavedError) || deps.onProblem === undefined) throw error;
          deps.onProblem(error.message);
        });
      return info;
    },
    testConnection: (connection) => connections.test(connection),
    disconnect: () => connections.disconnect(),
    startDemo: () => connections.startDemo(),
    exportView: ({ format, messageIds }) =>
      exportMessages(selectMessages(engine.snapshot().messages, messageIds), format, now()),
    importMessages: async ({ json }) => {
      const parsed = parseExport(json);
      const { restored, skipped, refused } = await engine.restore(parsed.messages);
      const reasons = [
        ...parsed.reasons,
        ...refused.map((record) => `Message ${JSON.stringify(record.id)}: ${record.reason}`),
      ];
      const problems = importProblems(
        {
          ...parsed,
          leftOut: parsed.leftOut + refused.length,
          reasons: reasons.slice(0, MAX_IMPORT_REASONS),
        },
        skipped,
      );
      return {
        imported: restored.length,
        skipped: skipped.length + parsed.leftOut + refused.length,
        problems,
      };
    },
  };
}
