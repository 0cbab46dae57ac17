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
  readonly at: number;
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

/** A StatusClient for unit tests: answers from a script, after an optional latency on the given clock. */
export class ScriptedStatusClient implements StatusClient {
  readonly calls: ScriptedCall[] = [];
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

  async getStatus(messageId: string): Promise<StatusSnapshot> {
    const now = this.clock.now();
    this.calls.push({ messageId, at: now });
    const index = this.#counts.get(messageId) ?? 0;
    this.#counts.set(messageId, index + 1);
    this.#inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.#inFlight);
    try {
      if (this.latencyMs > 0)
        await new Promise<void>((resolve) => this.clock.setTimeout(resolve, this.latencyMs));
      const answer = this.script(messageId, index, this.clock.now());
      if (answer instanceof Error) throw answer;
      return typeof answer === 'string' ? snapshotOf(messageId, answer) : answer;
    } finally {
      this.#inFlight -= 1;
    }
  }
}
