import { describeHealth, type EngineHealth } from '../../shared/engine-health';
import type { StatusSnapshot, WatchedMessage } from '../../shared/message';
import { describeStatus, isFinalKind } from '../../shared/status';
import type { Totals } from '../../shared/totals';
import type { CheckResult } from './check-result';
import { messageStatusWords, skipWords, watchFacts } from './format';
import { isDeliveredLate, isNotFoundYet, type WatchEvent } from './watch-event';
import type { WatchEnd } from './outcome';

/** A JSON object as the CLI prints it. */
export type JsonObject = Record<string, unknown>;

/** The fields of a status snapshot in `--json` output (the raw status, its words and kind, parts, money, channels). */
export function snapshotJson(snapshot: StatusSnapshot | null): JsonObject {
  if (snapshot === null) {
    return {
      status: null,
      words: 'not checked yet',
      kind: null,
      final: false,
      messagelistId: null,
      partsCount: null,
      charge: null,
      rate: null,
      channels: [],
      fallbacks: [],
    };
  }
  return {
    status: snapshot.rawStatus,
    words: describeStatus(snapshot.rawStatus),
    kind: snapshot.kind,
    final: isFinalKind(snapshot.kind),
    messagelistId: snapshot.messagelistId,
    partsCount: snapshot.partsCount,
    charge: snapshot.charge,
    rate: snapshot.rate,
    channels: snapshot.channels,
    fallbacks: snapshot.fallbacks,
  };
}

/** One element of `check --json`: the id, whether SMSBAT knew it, its status fields, and any error. */
export function checkResultJson(result: CheckResult): JsonObject {
  switch (result.state) {
    case 'ok':
      return { id: result.id, found: true, ...snapshotJson(result.snapshot), error: null };
    case 'not_found':
      return {
        id: result.id,
        found: false,
        ...snapshotJson(null),
        words: 'not found',
        error: { kind: 'not_found', message: 'SMSBAT does not know this message id', httpStatus: 404 },
      };
    case 'error':
      return { id: result.id, found: null, ...snapshotJson(null), words: 'not checked', error: result.error };
    case 'skipped':
      return {
        id: result.id,
        found: null,
        ...snapshotJson(null),
        words: 'not checked',
        error: {
          kind: result.reason === 'timeout' ? 'timeout' : 'interrupted',
          message: skipWords(result.reason),
          httpStatus: null,
        },
      };
  }
}

/**
 * One `watch --json` line for a message event: `{"type":"change","id":...,"event":"delivered","status":...}`,
 * `event` being one of the glossary's message events.
 */
export function changeJson(event: WatchEvent): JsonObject {
  const { message } = event;
  return {
    type: 'change',
    at: new Date(event.at).toISOString(),
    id: message.id,
    event: event.kind,
    ...snapshotJson(message.snapshot),
    words: messageStatusWords(message),
    phase: message.phase,
    label: message.label,
    overdue: message.overdue,
    deliveredLate: isDeliveredLate(message),
    notFoundYet: isNotFoundYet(message),
    error:
      message.lastError === null
        ? null
        : { ...message.lastError, at: new Date(message.lastError.at).toISOString() },
  };
}

/** One `watch --json` line for a change of the engine's overall state. */
export function healthJson(health: EngineHealth, now: number): JsonObject {
  return {
    type: 'health',
    at: new Date(now).toISOString(),
    ...health,
    description: describeHealth(health, now),
  };
}

/** The last `watch --json` line: its label, how the watch ended, the exit code, the totals, and each message's final state. */
export function summaryJson(
  label: string | null,
  totals: Totals,
  messages: readonly WatchedMessage[],
  end: WatchEnd,
  exitCode: number,
  now: number,
): JsonObject {
  const facts = watchFacts(messages);
  return {
    type: 'summary',
    at: new Date(now).toISOString(),
    label,
    ended: end.reason,
    exitCode,
    total: totals.total,
    counts: totals.counts,
    overdue: facts.overdue,
    deliveredLate: facts.deliveredLate,
    notFoundYet: facts.notFoundYet,
    deliveryRate: totals.deliveryRate,
    costs: totals.costs,
    messages: messages.map((message) => ({
      id: message.id,
      label: message.label,
      phase: message.phase,
      status: message.snapshot?.rawStatus ?? null,
      kind: message.snapshot?.kind ?? null,
      words: messageStatusWords(message),
      overdue: message.overdue,
      deliveredLate: isDeliveredLate(message),
    })),
  };
}

/** Serialises one NDJSON line. */
export function jsonLine(value: JsonObject): string {
  return `${JSON.stringify(value)}\n`;
}
