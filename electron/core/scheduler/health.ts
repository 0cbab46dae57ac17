import type { Blocker, EngineHealth, HealthCounts } from '../../../shared/engine-health';
import type { BlockerKind, HealthMode } from '../../../shared/glossary';
import type { HoldState } from './global-holds';

/** What the health object is built from. Times are monotonic ms; `toEpoch` converts them for people. */
export interface HealthInput {
  readonly stopped: boolean;
  readonly holds: HoldState;
  readonly counts: HealthCounts;
  /** Monotonic time of the last answer from SMSBAT, or null. */
  readonly lastSuccessAt: number | null;
  readonly now: number;
  readonly toEpoch: (monotonicMs: number) => number;
}

/** The engine's health: its mode, the blocker holding every check (also while paused), counts, last success. */
export function buildHealth(input: HealthInput): EngineHealth {
  const { holds, counts } = input;
  const mode = input.stopped
    ? 'stopped'
    : holds.paused
      ? 'paused'
      : counts.watching === 0
        ? 'idle'
        : 'running';
  return {
    mode,
    blocker: input.stopped ? null : blockerOf(holds, input.now, input.toEpoch),
    counts,
    lastSuccessAt: input.lastSuccessAt === null ? null : input.toEpoch(input.lastSuccessAt),
  };
}

/** The engine's mode: stopped, paused, idle (nothing watched) or running. */
export function modeOf(stopped: boolean, paused: boolean, watching: number): HealthMode {
  return stopped ? 'stopped' : paused ? 'paused' : watching === 0 ? 'idle' : 'running';
}

/** The blocker to show at `now`, most serious first; a pause is not a blocker (it is the mode). */
export function blockerOf(
  holds: HoldState,
  now: number,
  toEpoch: (monotonicMs: number) => number,
): Blocker | null {
  const { credentials } = holds;
  switch (credentials.kind) {
    case 'credentials_rejected':
      return { kind: 'credentials_rejected', message: credentials.message };
    case 'wrong_base_url':
      return { kind: 'wrong_base_url', baseUrl: credentials.baseUrl, message: credentials.message };
    case 'no_credentials':
      return { kind: 'no_credentials' };
    case 'ok':
      break;
  }
  if (holds.offlineSince !== null) {
    return {
      kind: 'offline',
      since: toEpoch(holds.offlineSince),
      nextProbeAt: toEpoch(Math.max(now, holds.offlineUntil)),
      message: holds.offlineMessage,
    };
  }
  if (holds.rateLimitedUntil > now) {
    return {
      kind: 'rate_limited',
      until: toEpoch(holds.rateLimitedUntil),
      message: 'SMSBAT answered 429 Too Many Requests.',
    };
  }
  return null;
}

/**
 * The part of health that changes only on events (mode, blocker kind, rate cap). Health is emitted whenever this key
 * changes; the counts (watched, in flight, backlog, requests in the last minute) and the last success are refreshed
 * with it and on a coarse cadence, so neither a steady stream of requests nor a campaign of ids settling one by one
 * emits health per request.
 */
export function healthKey(mode: HealthMode, blocker: BlockerKind | null, rateCapPerSecond: number): string {
  return `${mode}|${blocker ?? ''}|${rateCapPerSecond}`;
}

/** The key of an emitted health object. */
export function keyOf(health: EngineHealth): string {
  return healthKey(health.mode, health.blocker?.kind ?? null, health.counts.rateCapPerSecond);
}

/**
 * Counts request starts over the last minute in one-second buckets: constant memory and time whatever the rate.
 * Times are monotonic ms.
 */
export class MinuteCounter {
  readonly #buckets = new Array<number>(60).fill(0);
  #second = Number.NEGATIVE_INFINITY;

  /** Records one request started at `at`. */
  record(at: number): void {
    this.#roll(at);
    const index = Math.floor(at / 1000) % 60;
    this.#buckets[index] = (this.#buckets[index] ?? 0) + 1;
  }

  /** Requests started in the 60 s up to `now` (to the second). */
  count(now: number): number {
    this.#roll(now);
    return this.#buckets.reduce((sum, value) => sum + value, 0);
  }

  #roll(at: number): void {
    const second = Math.floor(at / 1000);
    if (second <= this.#second) return;
    if (second - this.#second >= 60) this.#buckets.fill(0);
    else for (let step = this.#second + 1; step <= second; step += 1) this.#buckets[step % 60] = 0;
    this.#second = second;
  }
}
