import type { StatusSnapshot } from '../../shared/message';
import { classifyStatus } from '../../shared/status';
import type { Clock } from '../../electron/core/clock';
import type { StatusClient } from '../../electron/core/status-client';

/** What the fake answers for one call: a status string, a full snapshot, or an error to throw. */
export type ScriptedAnswer = string | StatusSnapshot | Error;

/** Decides the answer for a call, given the id, how many times it was asked before, and the time. */
export type Script = (messageId: string, callIndex: number, now: number) => ScriptedAnswer;

/** One call the fake received. */
export interface ScriptedCall {
  readonly messageId: string;
  /** Wall-clock time (epoch ms). */
  readonly at: number;
  /** Monotonic time: unaffected by steps of the wall clock. */
  readonly monotonicAt: number;
}

/** What the fake throws when the caller's AbortSignal fires, as fetch does. */
export class AbortedCallError extends Error {
  override readonly name = 'AbortError';
}

/** Builds a basic snapshot for a status string. */
export function snapshotOf(messageId: string, rawStatus: string, cost: number | null = null): StatusSnapshot {
  return {
    messageId,
    messagelistId: 1,
    rawStatus,
    kind: classifyStatus(rawStatus),
    partsCount: 1,
    charge: cost === null ? null : { amount: cost, currency: null },
    rate: null,
    channels: [],
    fallbacks: [],
  };
}

/**
 * A StatusClient for unit tests: answers from a script, after an optional latency on the given clock. Honours the
 * AbortSignal as a real client does: an aborted call rejects at once and its latency timer is cancelled.
 */
export class ScriptedStatusClient implements StatusClient {
  readonly calls: ScriptedCall[] = [];
  /** Calls that were aborted before they were answered. */
  aborted = 0;
  readonly #counts = new Map<string, number>();
  #inFlight = 0;
  /** The most calls that were in flight at once. */
  maxInFlight = 0;

  constructor(
    private readonly clock: Clock,
    private script: Script,
    private readonly latencyMs = 0,
  ) {}

  /** Replaces the script from now on. */
  setScript(script: Script): void {
    this.script = script;
  }

  /** Calls received for one id. */
  callsFor(messageId: string): ScriptedCall[] {
    return this.calls.filter((call) => call.messageId === messageId);
  }

  /** Calls in flight now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  async getStatus(messageId: string, signal?: AbortSignal): Promise<StatusSnapshot> {
    if (signal?.aborted) throw new AbortedCallError('aborted before sending');
    const now = this.clock.now();
    this.calls.push({ messageId, at: now, monotonicAt: this.clock.monotonicNow() });
    const index = this.#counts.get(messageId) ?? 0;
    this.#counts.set(messageId, index + 1);
    this.#inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.#inFlight);
    try {
      if (this.latencyMs > 0) await this.#wait(signal);
      const answer = this.script(messageId, index, this.clock.now());
      if (answer instanceof Error) throw answer;
      return typeof answer === 'string' ? snapshotOf(messageId, answer) : answer;
    } finally {
      this.#inFlight -= 1;
    }
  }

  #wait(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.clock.clearTimeout(timer);
        this.aborted += 1;
        reject(new AbortedCallError('aborted'));
      };
      const timer = this.clock.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, this.latencyMs);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
