import type { StatusSnapshot } from '../../shared/message';

interface CachedStatus {
  readonly snapshot: StatusSnapshot;
  readonly at: number;
}

/**
 * The last status fetched for each id, kept briefly (30 s by default, as SMSBAT's guide suggests) so adding an id
 * twice, re-adding one just removed, or pressing refresh again does not ask the API twice. Bounded: the oldest
 * entries go first once `maxEntries` is reached.
 */
export class StatusCache {
  readonly #entries = new Map<string, CachedStatus>();

  constructor(
    readonly ttlMs: number,
    readonly maxEntries = 20_000,
  ) {}

  /** Remembers a status fetched at `at`. */
  set(messageId: string, snapshot: StatusSnapshot, at: number): void {
    this.#entries.delete(messageId);
    this.#entries.set(messageId, { snapshot, at });
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  /** The status fetched for `messageId` within the last `ttlMs` before `now`, if any. */
  get(messageId: string, now: number): CachedStatus | undefined {
    const entry = this.#entries.get(messageId);
    if (!entry) return undefined;
    if (now - entry.at >= this.ttlMs) {
      this.#entries.delete(messageId);
      return undefined;
    }
    return entry;
  }

  /** Forgets every entry (after a credentials change, say). */
  clear(): void {
    this.#entries.clear();
  }
}
