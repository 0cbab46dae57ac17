import type { CheckError, Money, StatusSnapshot, WatchedMessage } from '../../shared/message';
import { formatMoney } from '../../shared/money';
import { describeStatus } from '../../shared/status';
import { MESSAGE_BUCKETS, type MessageBucket, type Totals } from '../../shared/totals';
import type { CheckResult, SkipReason } from './check-result';
import { isDeliveredLate, isNotFoundYet, type WatchEvent } from './watch-event';

/** Local wall-clock time as HH:MM:SS, for the start of each watch line. */
export function formatClock(at: number): string {
  const date = new Date(at);
  return [date.getHours(), date.getMinutes(), date.getSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
}

/** "1 message", "2 messages". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** What a message cost, with its currency, or "currency unknown" when SMSBAT did not say; null when not known. */
export function formatCharge(charge: Money | null): string | null {
  return charge === null ? null : formatMoney(charge.amount, charge.currency);
}

/** The per-channel statuses of a fallback chain, e.g. "viber: delivered, sms: not_used"; null when there are none. */
export function formatChannels(snapshot: StatusSnapshot): string | null {
  if (snapshot.channels.length > 0) {
    return snapshot.channels.map(({ channel, status }) => `${channel}: ${status}`).join(', ');
  }
  if (snapshot.fallbacks.length > 0) {
    return snapshot.fallbacks.map(({ type, status }) => `${type} fallback: ${status}`).join(', ');
  }
  return null;
}

/** The status of a snapshot in words, e.g. "queued for sending" or `unknown status "Mystery"`. */
export function statusWords(snapshot: StatusSnapshot | null): string {
  return snapshot === null ? 'not checked yet' : describeStatus(snapshot.rawStatus);
}

/** Channels, parts and cost of a snapshot as one parenthesised group, e.g. "(sms: delivered; 2 parts; 0.5 UAH)". */
export function formatDetails(snapshot: StatusSnapshot): string {
  const parts = [
    formatChannels(snapshot),
    snapshot.partsCount === null ? null : plural(snapshot.partsCount, 'part'),
    formatCharge(snapshot.charge),
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? '' : `(${parts.join('; ')})`;
}

/** One check failure in words, e.g. "SMSBAT failed to answer (HTTP 503)". */
export function formatCheckError(error: Pick<CheckError, 'message' | 'httpStatus'>): string {
  if (error.httpStatus === null || error.message.includes(String(error.httpStatus))) return error.message;
  return `${error.message} (HTTP ${error.httpStatus})`;
}

/** Where a watched message stands, in words: its status, "not found yet (checking again)", or "not checked yet". */
export function messageStatusWords(message: WatchedMessage): string {
  if (isNotFoundYet(message)) return 'not found yet (a just-sent id can take a moment; checking again)';
  return statusWords(message.snapshot);
}

/** How long after its deadline a message was delivered, e.g. "12 s after its deadline". */
function lateBy(message: WatchedMessage, at: number): string {
  if (message.deadlineAt === null) return 'after its deadline';
  return `${Math.max(0, Math.round((at - message.deadlineAt) / 1000))} s after its deadline`;
}

/**
 * One line for a watch event, e.g. `12:00:05  abc123  delivered  (viber: delivered, sms: not_used; 1 part;
 * 0.05 USD)`, ids padded to `idWidth`. Check failures read as warnings ("will try again") and belong on stderr.
 */
export function formatChangeLine(event: WatchEvent, idWidth = 0): string {
  const { message } = event;
  const head = `${formatClock(event.at)}  ${message.id.padEnd(idWidth)}  `;
  const last = `last seen: ${messageStatusWords(message)}`;
  const details = message.snapshot === null ? '' : formatDetails(message.snapshot);
  switch (event.kind) {
    case 'status_changed':
    case 'delivered':
    case 'failed':
      return `${head}${statusWords(message.snapshot)}${details === '' ? '' : `  ${details}`}`;
    case 'delivered_late': {
      const inside = details === '' ? '' : `; ${details.slice(1, -1)}`;
      return `${head}delivered late  (${lateBy(message, event.at)}${inside})`;
    }
    case 'not_found':
      return `${head}not found  (SMSBAT does not know this message id)`;
    case 'gave_up':
      return `${head}gave up  (no final status within the watch window; ${last})`;
    case 'overdue':
      return `${head}overdue  (no final status by its deadline; ${last}; still watching)`;
    case 'check_failed': {
      const error = message.lastError;
      if (error?.kind === 'not_found') {
        return `${head}not found yet  (a just-sent id can take a moment; checking again)`;
      }
      const why = error === null ? 'the check failed' : formatCheckError(error);
      return `${head}check failed: ${why}; will try again`;
    }
  }
}

/** Why a check has no answer, for the table and the JSON: "stopped by --timeout before an answer". */
export function skipWords(reason: SkipReason): string {
  return reason === 'timeout' ? 'stopped by --timeout before an answer' : 'interrupted before an answer';
}

/** Lays rows out in left-aligned columns under a header, two spaces apart, without trailing spaces. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** The `check` table: id, status in words, parts, cost, channel statuses and error, one row per id. */
export function formatCheckTable(results: readonly CheckResult[]): string {
  const rows = results.map((result): string[] => {
    switch (result.state) {
      case 'ok': {
        const { snapshot } = result;
        return [
          result.id,
          statusWords(snapshot),
          snapshot.partsCount === null ? '-' : String(snapshot.partsCount),
          formatCharge(snapshot.charge) ?? '-',
          formatChannels(snapshot) ?? '-',
          '-',
        ];
      }
      case 'not_found':
        return [result.id, 'not found', '-', '-', '-', 'SMSBAT does not know this message id'];
      case 'error':
        return [result.id, 'not checked', '-', '-', '-', formatCheckError(result.error)];
      case 'skipped':
        return [result.id, 'not checked', '-', '-', '-', skipWords(result.reason)];
    }
  });
  return formatTable(['ID', 'STATUS', 'PARTS', 'COST', 'CHANNELS', 'ERROR'], rows);
}

const BUCKET_WORDS: Readonly<Record<MessageBucket, string>> = {
  unchecked: 'not checked yet',
  pending: 'still on the way',
  delivered: 'delivered',
  failed: 'failed',
  unknown: 'with an unknown status',
  not_found: 'not found',
  gave_up: 'given up on',
};

/** A delivery rate from 0 to 1 as a percentage with at most one decimal, e.g. "83.3%" or "100%". */
export function formatPercent(rate: number): string {
  const tenths = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(tenths) ? String(tenths) : tenths.toFixed(1)}%`;
}

/** Counts the summary adds to the totals: deadline misses split by outcome, and ids SMSBAT has not shown yet. */
export interface WatchFacts {
  /** Delivered, but after the deadline. */
  readonly deliveredLate: number;
  /** Past the deadline and still without a final status (or ended without one). */
  readonly overdue: number;
  /** Still checked after 404s (a just-sent id may not be visible yet). */
  readonly notFoundYet: number;
}

/** The deadline and 404 facts over a set of messages. */
export function watchFacts(messages: readonly WatchedMessage[]): WatchFacts {
  let deliveredLate = 0;
  let overdue = 0;
  let notFoundYet = 0;
  for (const message of messages) {
    if (isDeliveredLate(message)) deliveredLate += 1;
    else if (message.overdue && message.snapshot?.kind !== 'failed') overdue += 1;
    if (isNotFoundYet(message)) notFoundYet += 1;
  }
  return { deliveredLate, overdue, notFoundYet };
}

/**
 * The summary printed at the end of a watch: counts (ids still answered 404 apart from those not checked yet),
 * delivery rate, cost per currency, and the deadline's outcome (delivered late, overdue).
 */
export function formatSummary(
  totals: Totals,
  label: string | null = null,
  messages: readonly WatchedMessage[] = [],
): string {
  const facts = watchFacts(messages);
  const countOf = (bucket: MessageBucket): number =>
    bucket === 'unchecked' ? totals.counts.unchecked - facts.notFoundYet : totals.counts[bucket];
  const counts = MESSAGE_BUCKETS.filter((bucket) => countOf(bucket) > 0).map(
    (bucket) => `${countOf(bucket)} ${BUCKET_WORDS[bucket]}`,
  );
  if (facts.notFoundYet > 0) counts.splice(0, 0, `${facts.notFoundYet} not found yet (still checking)`);
  const lines = [
    `Summary${label === null ? '' : ` for "${label}"`}: ${plural(totals.total, 'message')}` +
      (counts.length === 0 ? '' : `: ${counts.join(', ')}`),
  ];
  const final = totals.counts.delivered + totals.counts.failed;
  lines.push(
    totals.deliveryRate === null
      ? 'Delivery rate: no final status yet'
      : `Delivery rate: ${formatPercent(totals.deliveryRate)} (${totals.counts.delivered} of ${final} with a final status)`,
  );
  lines.push(
    totals.costs.length === 0
      ? 'Cost: none reported yet'
      : `Cost: ${totals.costs
          .map((cost) => `${formatMoney(cost.amount, cost.currency)} for ${plural(cost.count, 'message')}`)
          .join('; ')}`,
  );
  if (facts.deliveredLate > 0) {
    lines.push(`Delivered late: ${plural(facts.deliveredLate, 'message')} arrived after the deadline`);
  }
  const overdue = messages.length === 0 ? totals.overdue : facts.overdue;
  if (overdue > 0) {
    lines.push(`Overdue: ${plural(overdue, 'message')} passed the deadline without a final status`);
  }
  return lines.join('\n');
}

/** The ids still without a final status when a watch ended, for a hint under the summary. */
export function unsettledIds(messages: readonly WatchedMessage[]): string[] {
  return messages
    .filter((message) => message.phase === 'watching' || message.phase === 'gave_up')
    .map((m) => m.id);
}

/** The width to pad ids to in watch lines: the longest id, up to 40 characters. */
export function idColumnWidth(ids: readonly string[]): number {
  return Math.min(40, Math.max(0, ...ids.map((id) => id.length)));
}
