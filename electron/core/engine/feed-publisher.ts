import type {
  EngineChange,
  EngineFeedItem,
  EngineSettings,
  EngineSnapshot,
  MessageEvent,
  MessageView,
} from '../../../shared/engine-api';
import { sameHealth, type EngineHealth } from '../../../shared/engine-health';
import type { Totals } from '../../../shared/totals';
import { callSafely, type ErrorSink } from '../call-safely';
import type { Clock, TimerHandle } from '../clock';

/** Where the publisher reads the engine's current state from. */
export interface FeedSource {
  /** Every message, in the order added. */
  messages(): MessageView[];
  /** One message, or undefined when it is not on the list. */
  message(messageId: string): MessageView | undefined;
  health(): EngineHealth;
  settings(): EngineSettings;
  totals(): Totals;
}

/** Options of the feed publisher. */
export interface FeedPublisherOptions {
  readonly source: FeedSource;
  readonly clock: Clock;
  /** Changes within this long of each other are published as one change. */
  readonly batchWindowMs: number;
  readonly onListenerError: ErrorSink;
}

/** The shortest time between two computations of the totals for changes (snapshots are always exact). */
export const TOTALS_EVERY_MS = 500;

/** A listener of the engine's feed. */
export type FeedListener = (item: EngineFeedItem) => void;

interface Subscriber {
  readonly listener: FeedListener;
  readonly queue: EngineFeedItem[];
}

/**
 * Turns the engine's changes into a versioned feed: a snapshot for each new subscriber, then one change per batch,
 * each with a version one higher. Listeners are always called later (from a microtask), never inside the call
 * that changed the state, so a listener may call back into the engine.
 */
export class FeedPublisher {
  readonly #options: FeedPublisherOptions;
  readonly #subscribers = new Set<Subscriber>();
  #version = 0;
  #upserted = new Set<string>();
  #removed = new Set<string>();
  #events: MessageEvent[] = [];
  #settingsChanged = false;
  #totalsMayChange = false;
  #publishedHealth: EngineHealth | null = null;
  #reportedHealth: EngineHealth | null = null;
  /** When the totals were last computed for a change (clock ms). */
  #totalsAt = Number.NEGATIVE_INFINITY;
  #publishedTotals: string | null = null;
  #timer: TimerHandle | null = null;
  #timerAt = Number.POSITIVE_INFINITY;
  #draining = false;

  constructor(options: FeedPublisherOptions) {
    this.#options = options;
  }

  /** The version of the last published change (0 before any). */
  get version(): number {
    return this.#version;
  }

  /** Something the totals count changed (a message added or removed, a new status, cost or overdue flag). */
  totalsMayHaveChanged(): void {
    this.#totalsMayChange = true;
    this.#soon();
  }

  /** These messages were added or changed. */
  upserted(messageIds: Iterable<string>): void {
    for (const id of messageIds) {
      this.#removed.delete(id);
      this.#upserted.add(id);
    }
    this.#soon();
  }

  /** These messages left the list. */
  removed(messageIds: Iterable<string>): void {
    for (const id of messageIds) {
      this.#upserted.delete(id);
      this.#removed.add(id);
      this.#totalsMayChange = true;
    }
    this.#soon();
  }

  /** Message events to publish with the next change. */
  events(events: readonly MessageEvent[]): void {
    if (events.length === 0) return;
    this.#events.push(...events);
    this.#soon();
  }

  /** The scheduler reported a new health (published only when it differs from the last one published). */
  healthChanged(health: EngineHealth): void {
    this.#reportedHealth = health;
    this.#soon();
  }

  /** Settings changed. */
  settingsChanged(): void {
    this.#settingsChanged = true;
    this.#soon();
  }

  /** Publishes what is pending now and returns the state at the resulting version. */
  snapshot(): EngineSnapshot {
    this.publish();
    const { source } = this.#options;
    const health = source.health();
    const messages = source.messages();
    const totals = source.totals();
    this.#publishedHealth ??= health;
    this.#publishedTotals ??= JSON.stringify(totals);
    return { version: this.#version, messages, health, totals, settings: source.settings() };
  }

  /** Delivers a snapshot (from a microtask), then every change; returns the unsubscribe function. */
  subscribe(listener: FeedListener): () => void {
    const subscriber: Subscriber = { listener, queue: [{ type: 'snapshot', snapshot: this.snapshot() }] };
    this.#subscribers.add(subscriber);
    this.#drainSoon();
    return () => {
      this.#subscribers.delete(subscriber);
    };
  }

  /** Publishes the pending changes as one change now, if there are any. */
  publish(): void {
    if (this.#timer !== null) {
      this.#options.clock.clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#subscribers.size === 0) {
      this.#skipChange();
      return;
    }
    const change = this.#takeChange();
    if (change === null) return;
    for (const subscriber of this.#subscribers) subscriber.queue.push({ type: 'change', change });
    this.#drainSoon();
  }

  /**
   * With nobody listening, a change is counted but not built: the next subscriber starts from a snapshot, which
   * sets what was last published.
   */
  #skipChange(): void {
    const pending =
      this.#upserted.size > 0 || this.#removed.size > 0 || this.#events.length > 0 || this.#settingsChanged;
    if (pending) this.#version += 1;
    this.#upserted = new Set();
    this.#removed = new Set();
    this.#events = [];
    this.#settingsChanged = false;
    this.#totalsMayChange = false;
    this.#publishedHealth = null;
    this.#publishedTotals = null;
  }

  #takeChange(): EngineChange | null {
    const { source } = this.#options;
    const upserted: MessageView[] = [];
    for (const id of this.#upserted) {
      const view = source.message(id);
      if (view) upserted.push(view);
    }
    const removed = [...this.#removed];
    const events = this.#events;
    const settings = this.#settingsChanged ? source.settings() : undefined;
    const reported = this.#reportedHealth;
    const health =
      reported !== null && this.#publishedHealth !== null && !sameHealth(this.#publishedHealth, reported)
        ? reported
        : undefined;
    const totals = this.#takeTotals();
    this.#upserted = new Set();
    this.#removed = new Set();
    this.#events = [];
    this.#settingsChanged = false;
    if (health) this.#publishedHealth = health;
    const empty =
      upserted.length === 0 && removed.length === 0 && events.length === 0 && !settings && !health && !totals;
    if (empty) return null;
    this.#version += 1;
    return {
      version: this.#version,
      upserted,
      removed,
      events,
      ...(health ? { health } : {}),
      ...(settings ? { settings } : {}),
      ...(totals ? { totals } : {}),
    };
  }

  /**
   * The totals, when something they count changed and they differ from the last published. Counting every
   * message is the costliest part of a change, so it happens at most every `TOTALS_EVERY_MS`; in between the flag
   * stays up and a later change carries them.
   */
  #takeTotals(): Totals | undefined {
    if (!this.#totalsMayChange) return undefined;
    const { clock } = this.#options;
    const waitMs = this.#totalsAt + TOTALS_EVERY_MS - clock.now();
    if (waitMs > 0) {
      this.#soon(waitMs);
      return undefined;
    }
    this.#totalsMayChange = false;
    this.#totalsAt = clock.now();
    const current = this.#options.source.totals();
    const key = JSON.stringify(current);
    if (key === this.#publishedTotals) return undefined;
    this.#publishedTotals = key;
    return current;
  }

  /** Publishes within `delayMs`: keeps a timer due sooner, replaces one due later. */
  #soon(delayMs = this.#options.batchWindowMs): void {
    const { clock } = this.#options;
    const at = clock.now() + delayMs;
    if (this.#timer !== null) {
      if (this.#timerAt <= at) return;
      clock.clearTimeout(this.#timer);
    }
    this.#timerAt = at;
    this.#timer = clock.setTimeout(() => {
      this.#timer = null;
      this.publish();
    }, delayMs);
  }

  #drainSoon(): void {
    if (this.#draining) return;
    this.#draining = true;
    queueMicrotask(() => {
      this.#draining = false;
      this.#drain();
    });
  }

  /** Calls each subscriber with its queued items in order; stops for one as soon as it unsubscribes. */
  #drain(): void {
    for (const subscriber of [...this.#subscribers]) {
      while (subscriber.queue.length > 0 && this.#subscribers.has(subscriber)) {
        const item = subscriber.queue.shift();
        if (item) callSafely(subscriber.listener, item, this.#options.onListenerError);
      }
    }
  }

  /** Publishes what is pending and stops the batch timer. */
  close(): void {
    this.publish();
  }
}
