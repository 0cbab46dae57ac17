import type { StatusSnapshot, WatchPhase } from '../../../shared/message';
import { isFinalKind, mayReplaceStatus } from '../../../shared/status';
import { appendHistory } from '../watch-record';
import type { WatchRecord } from '../watch-list-store';
import type { WebhookStatus } from './webhook-payload';

/** What a pushed status did to a message on the list. */
export type PushedOutcome =
  /** A new status, recorded with SMSBAT's time. */
  | 'applied'
  /** The status the list holds, now with its cost. */
  | 'cost_filled'
  /** The status the list holds already, nothing new. */
  | 'duplicate'
  /** Older than the status the list holds (webhooks can arrive out of order). */
  | 'older'
  /** Would replace a final status with a pending one. */
  | 'final_kept'
  /** Not on the list, or no longer watched and not final: ignored. */
  | 'not_watched';

/** A pushed status's effect: the outcome and the record after it (the same record when nothing changed). */
export interface PushedResult {
  readonly outcome: PushedOutcome;
  readonly record: WatchRecord;
}

/** The time of the status a record holds: its newest history entry for that status, else its last change. */
export function heldStatusAt(record: WatchRecord): number | null {
  const raw = record.snapshot?.rawStatus;
  for (let i = record.history.length - 1; i >= 0; i -= 1) {
    const entry = record.history[i];
    if (entry !== undefined && entry.rawStatus === raw) return entry.at;
  }
  return record.lastChangedAt;
}

function pushedSnapshot(current: StatusSnapshot | null, pushed: WebhookStatus): StatusSnapshot {
  const base: StatusSnapshot = current ?? {
    messageId: pushed.messageId,
    messagelistId: null,
    rawStatus: pushed.rawStatus,
    kind: pushed.kind,
    partsCount: null,
    charge: null,
    rate: null,
    channels: [],
    fallbacks: [],
  };
  const charge =
    pushed.cost === null ? base.charge : { amount: pushed.cost, currency: current?.charge?.currency ?? null };
  return { ...base, rawStatus: pushed.rawStatus, kind: pushed.kind, charge };
}

/**
 * A webhook's status applied to a record like a check's answer: a final status is never downgraded, a duplicate
 * or an older status than the one held changes nothing (a final one always counts over a pending one), a new status
 * enters the history at SMSBAT's time marked as from a webhook, and `cost` fills the charge (its currency kept when
 * the list knows it, unknown otherwise). A message no longer watched takes only a final status.
 */
export function recordWithPushed(
  record: WatchRecord,
  pushed: WebhookStatus,
  maxHistory: number,
): PushedResult {
  const unchanged = (outcome: PushedOutcome): PushedResult => ({ outcome, record });
  const current = record.snapshot;
  const pushedFinal = isFinalKind(pushed.kind);
  if (record.phase !== 'watching' && record.phase !== 'final' && !pushedFinal)
    return unchanged('not_watched');
  if (current?.rawStatus === pushed.rawStatus) {
    if (pushed.cost === null || current.charge !== null) return unchanged('duplicate');
    return { outcome: 'cost_filled', record: { ...record, snapshot: pushedSnapshot(current, pushed) } };
  }
  if (current && !mayReplaceStatus(current.kind, pushed.kind)) return unchanged('final_kept');
  const heldAt = current === null ? null : heldStatusAt(record);
  const finalOverPending = pushedFinal && current !== null && !isFinalKind(current.kind);
  if (heldAt !== null && pushed.at < heldAt && !finalOverPending) return unchanged('older');
  const phase: WatchPhase = pushedFinal ? 'final' : 'watching';
  return {
    outcome: 'applied',
    record: {
      ...record,
      phase,
      snapshot: pushedSnapshot(current, pushed),
      history: appendHistory(record.history, pushed, pushed.at, maxHistory, 'webhook'),
      lastChangedAt: pushed.at,
    },
  };
}
