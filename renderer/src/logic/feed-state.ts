import type { ListedFeedItem, ListedMessage } from '../../../shared/contract';
import type { EngineSettings } from '../../../shared/engine-api';
import type { EngineHealth } from '../../../shared/engine-health';
import type { MessageEvent } from '../../../shared/engine-api';
import type { Totals } from '../../../shared/totals';
import { labelList } from './message-filter';

/** Finds a watched message by id. */
export interface MessageLookup {
  get(id: string): ListedMessage | undefined;
  has(id: string): boolean;
  readonly size: number;
}

/** Which messages changed between two states, so that views can update only those. */
export interface FeedDelta {
  /** The {@link FeedState.serial} of the state this one was made from. */
  readonly fromSerial: number;
  /** Ids updated or newly watched. */
  readonly upserted: ReadonlySet<string>;
  /** Ids no longer watched. */
  readonly removed: ReadonlySet<string>;
}

/** The engine as the window knows it, rebuilt from the feed: a snapshot and the changes after it. */
export interface FeedState {
  readonly version: number;
  /**
   * A number no other state in this window has. Versions alone do not tell states apart: a new engine (after
   * connecting, or the demo) counts its versions again from the start.
   */
  readonly serial: number;
  /** Messages in watch order (the order ids were first seen). */
  readonly messages: readonly ListedMessage[];
  readonly byId: MessageLookup;
  readonly health: EngineHealth;
  readonly totals: Totals;
  readonly settings: EngineSettings;
  /** The events of the latest changes, for toasts and live announcements. */
  readonly lastEvents: readonly MessageEvent[];
  /** Every distinct label, sorted, unlabelled (`null`) last when present. */
  readonly labels: readonly (string | null)[];
  /** What changed since the state numbered `delta.fromSerial`; null after a snapshot (anything may have changed). */
  readonly delta: FeedDelta | null;
}

/** What applying feed items did: the new state, or `gap` when a change was missed and a snapshot is needed. */
export type FeedResult = { readonly state: FeedState | null; readonly gap: boolean };

/** A lookup over a messages array through an id → index map (shared by states whose ids did not change). */
function lookupOf(messages: readonly ListedMessage[], index: ReadonlyMap<string, number>): MessageLookup {
  return {
    get: (id) => {
      const at = index.get(id);
      return at === undefined ? undefined : messages[at];
    },
    has: (id) => index.has(id),
    size: messages.length,
  };
}

function indexOf(messages: readonly ListedMessage[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let at = 0; at < messages.length; at += 1) index.set((messages[at] as ListedMessage).id, at);
  return index;
}

/** The state of a snapshot (later duplicates of an id replace the earlier one in its place). */
function fromSnapshot(item: Extract<ListedFeedItem, { type: 'snapshot' }>): FeedState {
  const { snapshot } = item;
  // One pass when every id is there once (as an engine's snapshot has them); a second only for duplicates.
  let messages: readonly ListedMessage[] = snapshot.messages;
  let index = indexOf(messages);
  if (index.size !== messages.length) {
    const unique: ListedMessage[] = [];
    index = new Map();
    for (const message of snapshot.messages) {
      const at = index.get(message.id);
      if (at === undefined) {
        index.set(message.id, unique.length);
        unique.push(message);
      } else unique[at] = message;
    }
    messages = unique;
  }
  const labelCounts = countLabels(messages);
  const state: FeedState = {
    version: snapshot.version,
    serial: nextSerial++,
    messages,
    byId: lookupOf(messages, index),
    health: snapshot.health,
    totals: snapshot.totals,
    settings: snapshot.settings,
    lastEvents: [],
    labels: labelList(labelCounts.keys()),
    delta: null,
  };
  internals.set(state, { index, labelCounts });
  return state;
}

/** A state being built from a batch of changes: copied once, then changed in place. */
interface Draft {
  base: FeedState;
  version: number;
  messages: ListedMessage[] | null;
  index: Map<string, number> | null;
  baseIndex: ReadonlyMap<string, number>;
  baseLabelCounts: ReadonlyMap<string | null, number>;
  labelCounts: Map<string | null, number> | null;
  health: EngineHealth;
  totals: Totals;
  settings: EngineSettings;
  events: MessageEvent[];
  upserted: Set<string>;
  removed: Set<string>;
}

/** What a state keeps for the next batch: its id → index map and how many messages carry each label. */
interface Internals {
  readonly index: ReadonlyMap<string, number>;
  readonly labelCounts: ReadonlyMap<string | null, number>;
}

const internals = new WeakMap<FeedState, Internals>();

let nextSerial = 1;

function countLabels(messages: readonly ListedMessage[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const message of messages) counts.set(message.label, (counts.get(message.label) ?? 0) + 1);
  return counts;
}

function addLabel(counts: Map<string | null, number>, label: string | null, by: number): void {
  const count = (counts.get(label) ?? 0) + by;
  if (count > 0) counts.set(label, count);
  else counts.delete(label);
}

function startDraft(base: FeedState): Draft {
  let kept = internals.get(base);
  if (kept === undefined) {
    kept = { index: indexOf(base.messages), labelCounts: countLabels(base.messages) };
    internals.set(base, kept);
  }
  return {
    base,
    version: base.version,
    messages: null,
    index: null,
    baseIndex: kept.index,
    baseLabelCounts: kept.labelCounts,
    labelCounts: null,
    health: base.health,
    totals: base.totals,
    settings: base.settings,
    events: [],
    upserted: new Set(),
    removed: new Set(),
  };
}

function applyChange(draft: Draft, change: Extract<ListedFeedItem, { type: 'change' }>['change']): void {
  draft.version = change.version;
  if (change.health !== undefined) draft.health = change.health;
  if (change.totals !== undefined) draft.totals = change.totals;
  if (change.settings !== undefined) draft.settings = change.settings;
  draft.events.push(...change.events);
  if (change.upserted.length === 0 && change.removed.length === 0) return;
  const messages = (draft.messages ??= draft.base.messages.slice());
  for (const message of change.upserted) {
    const index = draft.index ?? draft.baseIndex;
    const at = index.get(message.id);
    const before = at === undefined ? undefined : messages[at];
    if (before === undefined || before.label !== message.label) {
      // The label counts (like the index below) are copied once per batch, and only when they change.
      const counts = (draft.labelCounts ??= new Map(draft.baseLabelCounts));
      if (before !== undefined) addLabel(counts, before.label, -1);
      addLabel(counts, message.label, 1);
    }
    if (at === undefined) {
      const own = (draft.index ??= new Map(draft.baseIndex));
      own.set(message.id, messages.length);
      messages.push(message);
    } else messages[at] = message;
    draft.upserted.add(message.id);
  }
  if (change.removed.length > 0) {
    const gone = new Set(change.removed.filter((id) => (draft.index ?? draft.baseIndex).has(id)));
    if (gone.size > 0) {
      const counts = (draft.labelCounts ??= new Map(draft.baseLabelCounts));
      for (const message of messages) if (gone.has(message.id)) addLabel(counts, message.label, -1);
      const kept = messages.filter((message) => !gone.has(message.id));
      messages.length = 0;
      messages.push(...kept);
      draft.index = indexOf(messages);
      for (const id of gone) {
        draft.removed.add(id);
        draft.upserted.delete(id);
      }
    }
  }
}

function finish(draft: Draft): FeedState {
  if (draft.version === draft.base.version) return draft.base;
  const messages = draft.messages ?? draft.base.messages;
  const index = draft.index ?? draft.baseIndex;
  const state: FeedState = {
    version: draft.version,
    serial: nextSerial++,
    messages,
    byId: draft.messages === null ? draft.base.byId : lookupOf(messages, index),
    health: draft.health,
    totals: draft.totals,
    settings: draft.settings,
    lastEvents: draft.events,
    labels: draft.labelCounts === null ? draft.base.labels : labelList(draft.labelCounts.keys()),
    delta: { fromSerial: draft.base.serial, upserted: draft.upserted, removed: draft.removed },
  };
  internals.set(state, { index, labelCounts: draft.labelCounts ?? draft.baseLabelCounts });
  return state;
}

/**
 * Applies feed items in order, as one update. A snapshot replaces everything; a change applies only on top of
 * `version - 1` (older changes are ignored; a newer one means a change was missed: what came before it is kept,
 * later changes wait for a snapshot, and `gap` is set). Messages are copied once per call, not once per change.
 */
export function applyFeedItems(state: FeedState | null, items: readonly ListedFeedItem[]): FeedResult {
  let current = state;
  let draft: Draft | null = null;
  let gap = false;
  for (const item of items) {
    if (item.type === 'snapshot') {
      current = fromSnapshot(item);
      draft = null;
      gap = false;
      continue;
    }
    if (current === null || gap) {
      gap = true;
      continue;
    }
    const version = draft?.version ?? current.version;
    if (item.change.version <= version) continue;
    if (item.change.version !== version + 1) {
      gap = true;
      continue;
    }
    draft ??= startDraft(current);
    applyChange(draft, item.change);
  }
  if (draft !== null) current = finish(draft);
  return { state: current, gap };
}

/** Applies one feed item (see {@link applyFeedItems}). */
export function applyFeedItem(state: FeedState | null, item: ListedFeedItem): FeedResult {
  return applyFeedItems(state, [item]);
}
