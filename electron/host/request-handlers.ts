import { listedSnapshot, type RequestHandlers, type UiPreferences } from '../../shared/contract';
import { parseMessageIds } from '../../shared/message-ids';
import type { ConnectionManager } from './connection-manager';
import type { HostEngine } from './engine-port';
import { exportMessages, selectMessages } from './export-view';
import type { JsonFileSettingsStore } from './file-stores';
import { parseExport } from './import-messages';
import { mergePreferences } from './preferences';

/** The webhook receiver's requests, handled by `WebhookHost`. */
export type WebhookRequestName = 'getWebhooks' | 'updateWebhooks' | 'newWebhookSecret';

/** What the request handlers work with. */
export interface RequestHandlerDeps {
  readonly engine: HostEngine;
  readonly connections: ConnectionManager;
  readonly settings: JsonFileSettingsStore;
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
    watch: ({ messageIds, label, deadlineMs }) => engine.watch(messageIds, { label, deadlineMs }),
    watchText: ({ text, label, deadlineMs }) => {
      const parsed = parseMessageIds(text);
      const result = engine.watch(parsed.ids, { label, deadlineMs });
      return { ...result, rejected: [...parsed.rejected, ...result.rejected], duplicates: parsed.duplicates };
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
    updateSettings: async ({ settings: update }) => {
      const next = engine.updateSettings(update);
      await settings.save({ engine: update });
      if (update.baseUrl !== undefined) await connections.baseUrlChanged(next.baseUrl);
      return next;
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
      await settings.save({
        engine: { baseUrl: connection.baseUrl, authMethod: connection.credentials.method },
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
      const { restored, skipped } = await engine.restore(parsed.messages);
      const problems = [...parsed.problems];
      if (skipped.length > 0) {
        problems.push(
          `${skipped.length} already watched, left as they are: ${skipped.slice(0, 10).join(', ')}.`,
        );
      }
      return {
        imported: restored.length,
        skipped: skipped.length + parsed.problems.length,
        problems,
      };
    },
  };
}
