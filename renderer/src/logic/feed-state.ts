import type { EngineFeedItem, EngineSettings, MessageView } from '../../../shared/engine-api';
import type { EngineHealth } from '../../../shared/engine-health';
import type { MessageEvent } from '../../../shared/engine-api';
import type { Totals } from '../../../shared/totals';

/** The engine as the window knows it, rebuilt from the feed: a snapshot and the changes after it. */
export interface FeedState {
  readonly version: number;
  /** Messages in watch order (the order ids were first seen). */
  readonly messages: readonly MessageView[];
  readonly byId: ReadonlyMap<string, MessageView>;
  readonly health: EngineHealth;
  readonly totals: Totals;
  readonly settings: EngineSettings;
  /** The events of the latest change, for toasts and live announcements. */
  readonly lastEvents: readonly MessageEvent[];
}

/** What applying one feed item did: the new state, or `gap` when a change was missed and a snapshot is needed. */
export type FeedResult = { readonly state: FeedState | null; readonly gap: boolean };

/**
 * Applies one feed item. A snapshot replaces everything; a change applies only on top of `version - 1` (older
 * changes are ignored, a newer one means a change was missed: the state is kept and `gap` is set).
 */
export function applyFeedItem(state: FeedState | null, item: EngineFeedItem): FeedResult {
  if (item.type === 'snapshot') {
    const { snapshot } = item;
    const byId = new Map(snapshot.messages.map((message) => [message.id, message] as const));
    return {
      gap: false,
      state: {
        version: snapshot.version,
        messages: [...byId.values()],
        byId,
        health: snapshot.health,
        totals: snapshot.totals,
        settings: snapshot.settings,
        lastEvents: [],
      },
    };
  }
  const { change } = item;
  if (state === null) return { state, gap: true };
  if (change.version <= state.version) return { state, gap: false };
  if (change.version !== state.version + 1) return { state, gap: true };
  let byId = state.byId as Map<string, MessageView>;
  let messages = state.messages;
  if (change.upserted.length > 0 || change.removed.length > 0) {
    byId = new Map(state.byId);
    let appended = false;
    for (const message of change.upserted) {
      if (!byId.has(message.id)) appended = true;
      byId.set(message.id, message);
    }
    for (const id of change.removed) byId.delete(id);
    messages =
      appended || change.removed.length > 0
        ? [...byId.values()]
        : state.messages.map((message) => byId.get(message.id) ?? message);
  }
  return {
    gap: false,
    state: {
      version: change.version,
      messages,
      byId,
      health: change.health ?? state.health,
      totals: change.totals ?? state.totals,
      settings: change.settings ?? state.settings,
      lastEvents: change.events,
    },
  };
}
