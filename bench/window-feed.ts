import type {
  EngineChange,
  EngineSettings,
  EngineSnapshot,
  MessageEvent,
  MessageView,
} from '../shared/engine-api';
import type { EngineHealth } from '../shared/engine-health';
import { classifyStatus, isFinalKind } from '../shared/status';
import { summarize } from '../shared/totals';

/** Settings the synthetic engine reports. */
const SETTINGS: EngineSettings = {
  rateCapPerSecond: 50,
  concurrency: 10,
  watchWindowMs: 72 * 3_600_000,
  firstIntervalMs: 5_000,
  baseUrl: 'https://restapi.smsbat.com',
  authMethod: 'api-key-header',
};

/** The order a synthetic message's status moves through; the last ones are final. */
const LIFECYCLE = ['scheduled', 'processing', 'processing', 'delivered'] as const;
const LABELS = ['Black Friday campaign', 'One-time codes', 'Newsletter', null] as const;
const PRICES = [0.35, 0.7, 1.05] as const;

/** Where a synthetic feed starts: its size and its clock. */
export interface SyntheticFeedOptions {
  /** How many watched messages the snapshot holds. */
  readonly messageCount: number;
  /** Epoch ms of the first message's watch. @default 1_700_000_000_000 */
  readonly startAtMs?: number;
}

function healthOf(watching: number, at: number): EngineHealth {
  return {
    mode: watching > 0 ? 'running' : 'idle',
    blocker: null,
    counts: { watching, inFlight: 0, backlog: 0, requestsLastMinute: 3_000, rateCapPerSecond: 50 },
    lastSuccessAt: at,
  };
}

function viewOf(
  id: string,
  index: number,
  statuses: readonly string[],
  addedAt: number,
  at: number,
): MessageView {
  const history = statuses.map((rawStatus, step) => ({
    at: addedAt + (step + 1) * 1_000,
    rawStatus,
    kind: classifyStatus(rawStatus),
  }));
  const last = statuses.at(-1);
  const kind = last === undefined ? null : classifyStatus(last);
  const final = kind !== null && isFinalKind(kind);
  return {
    id,
    label: LABELS[index % LABELS.length] ?? null,
    phase: final ? 'final' : 'watching',
    snapshot:
      last === undefined
        ? null
        : {
            messageId: id,
            messagelistId: 7,
            rawStatus: last,
            kind: classifyStatus(last),
            partsCount: 1 + (index % 3),
            // Amounts as SMSBAT's JSON gives them: decimals (0.35 × 3 computed would be 1.0499999999999998).
            charge: { amount: PRICES[index % PRICES.length] ?? 0, currency: 'UAH' },
            rate: null,
            channels: index % 2 === 0 ? [{ channel: 'viber', status: last }] : [],
            fallbacks: [],
          },
    history,
    addedAt,
    lastCheckedAt: at,
    lastChangedAt: history.at(-1)?.at ?? null,
    deadlineAt: null,
    overdue: false,
    lastError: null,
    acknowledged: false,
    schedule: final
      ? null
      : { nextCheckAt: at + 5_000, inFlight: false, consecutiveFailures: 0, heldBy: null },
  };
}

/**
 * A repeatable engine feed without an engine: a snapshot of `messageCount` watched messages, then changes that
 * move message statuses along (scheduled, processing, delivered), cycling through the list, as the engine would
 * publish them (one change per batch, each with its upserts and the new totals).
 */
export class SyntheticFeed {
  readonly #ids: string[];
  readonly #steps: number[];
  readonly #views = new Map<string, MessageView>();
  readonly #startAtMs: number;
  #version = 1;
  #cursor = 0;
  #changedMessages = 0;

  constructor(options: SyntheticFeedOptions) {
    if (!Number.isInteger(options.messageCount) || options.messageCount < 1)
      throw new TypeError('messageCount must be a positive integer');
    this.#startAtMs = options.startAtMs ?? 1_700_000_000_000;
    this.#ids = Array.from(
      { length: options.messageCount },
      (_, index) => `bench-${String(index).padStart(6, '0')}`,
    );
    this.#steps = this.#ids.map((_, index) => index % 2);
    this.#ids.forEach((id, index) => {
      this.#views.set(id, this.#view(id, index));
    });
  }

  #view(id: string, index: number): MessageView {
    const step = this.#steps[index] ?? 0;
    const statuses = LIFECYCLE.slice(0, step + 1);
    return viewOf(
      id,
      index,
      statuses,
      this.#startAtMs + index,
      this.#startAtMs + 60_000 + this.#changedMessages,
    );
  }

  /** How many message changes were published so far. */
  get changedMessages(): number {
    return this.#changedMessages;
  }

  /** The feed's current state, as a snapshot. */
  snapshot(): EngineSnapshot {
    const messages = [...this.#views.values()];
    return {
      version: this.#version,
      messages,
      health: healthOf(messages.length, this.#startAtMs + 60_000),
      totals: summarize(messages),
      settings: SETTINGS,
    };
  }

  /** The next change: `messageCount` messages move one status along (delivered ones start over). */
  nextChange(messageCount: number): EngineChange {
    const upserted: MessageView[] = [];
    const events: MessageEvent[] = [];
    for (let n = 0; n < messageCount; n += 1) {
      const index = this.#cursor;
      this.#cursor = (this.#cursor + 1) % this.#ids.length;
      const id = this.#ids[index] ?? '';
      this.#steps[index] = ((this.#steps[index] ?? 0) + 1) % LIFECYCLE.length;
      this.#changedMessages += 1;
      const previous = this.#views.get(id)?.snapshot?.rawStatus ?? null;
      const view = this.#view(id, index);
      this.#views.set(id, view);
      upserted.push(view);
      const rawStatus = view.snapshot?.rawStatus ?? null;
      events.push({
        kind: rawStatus === 'delivered' ? 'delivered' : 'status_changed',
        messageId: id,
        at: view.lastCheckedAt ?? this.#startAtMs,
        label: view.label,
        rawStatus,
        previousRawStatus: previous,
      });
    }
    this.#version += 1;
    return {
      version: this.#version,
      upserted,
      removed: [],
      events,
      totals: summarize([...this.#views.values()]),
    };
  }
}
