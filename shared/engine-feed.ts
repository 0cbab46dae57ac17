import type { EngineFeedItem, EngineSnapshot, MessageEvent, MessageView } from './engine-api';

/**
 * What applying one feed item did: `applied` (the state moved on; `events` are the change's message events),
 * `ignored` (a change the state already has), or `resync` (a change was missed: subscribe again for a snapshot).
 * `state` is the state to keep in every case.
 */
export type FeedStep =
  | { readonly outcome: 'applied'; readonly state: EngineSnapshot; readonly events: readonly MessageEvent[] }
  | { readonly outcome: 'ignored'; readonly state: EngineSnapshot | null }
  | { readonly outcome: 'resync'; readonly state: EngineSnapshot | null };

/**
 * The window's reducer over the engine's feed. A snapshot replaces the state; a change is applied only to the
 * state at `version - 1`, so after a reconnect nothing is missed or applied twice: older changes are ignored and
 * a gap asks for a resync. Pure: never mutates `state`.
 */
export function applyFeedItem(state: EngineSnapshot | null, item: EngineFeedItem): FeedStep {
  if (item.type === 'snapshot') return { outcome: 'applied', state: item.snapshot, events: [] };
  const { change } = item;
  if (state === null) return { outcome: 'resync', state };
  if (change.version <= state.version) return { outcome: 'ignored', state };
  if (change.version !== state.version + 1) return { outcome: 'resync', state };
  const next: EngineSnapshot = {
    version: change.version,
    messages: mergeMessages(state.messages, change.upserted, change.removed),
    health: change.health ?? state.health,
    totals: change.totals ?? state.totals,
    settings: change.settings ?? state.settings,
  };
  return { outcome: 'applied', state: next, events: change.events };
}

/** Replaces upserted messages in place, appends new ones in order, and drops removed ids. */
function mergeMessages(
  messages: readonly MessageView[],
  upserted: readonly MessageView[],
  removed: readonly string[],
): MessageView[] {
  if (upserted.length === 0 && removed.length === 0) return [...messages];
  const updates = new Map(upserted.map((message) => [message.id, message]));
  const gone = new Set(removed);
  const merged: MessageView[] = [];
  for (const message of messages) {
    if (gone.has(message.id)) continue;
    const update = updates.get(message.id);
    merged.push(update ?? message);
    updates.delete(message.id);
  }
  for (const message of updates.values()) {
    if (!gone.has(message.id)) merged.push(message);
  }
  return merged;
}
