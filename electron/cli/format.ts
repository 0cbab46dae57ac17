import type { CheckError, Money, StatusSnapshot, WatchedMessage } from '../../shared/message';
import { formatMoney } from '../../shared/money';
import { describeStatus } from '../../shared/status';
import { MESSAGE_BUCKETS, type MessageBucket, type Totals } from '../../shared/totals';
import type { ChangeEvent } from './change-events';
import type { CheckResult } from './check-result';

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

/**
 * One line for a watch change, e.g. `12:00:05  abc123  delivered  (viber: delivered, sms: not_used; 1 part;
 * 0.05 USD)`, ids padded to `idWidth`. Check failures read as warnings ("will try again") and belong on stderr.
 */
export function formatChangeLine(change: ChangeEvent, idWidth = 0): string {
  const { message } = change;
  const head = `${formatClock(change.at)}  ${message.id.padEnd(idWidth)}  `;
  const last = `last seen: ${statusWords(message.snapshot)}`;
  switch (change.event) {
    case 'status': {
      const details = message.snapshot === null ? '' : formatDetails(message.snapshot);
      return `${head}${statusWords(message.snapshot)}${details === '' ? '' : `  ${details}`}`;
    }
    case 'not_found':
      return `${head}not found  (SMSBAT does not know this message id)`;
    case 'gave_up':
      return `${head}gave up  (no final status within the watch window; ${last})`;
    case 'overdue':
      return `${head}overdue  (no final status by its deadline; ${last}; still watching)`;
    case 'check_failed': {
      const error = message.lastError;
      const why = error === null ? 'the check failed' : formatCheckError(error);
      return `${head}check failed: ${why}; will try again`;
    }
  }
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
        return [result.id, 'not checked', '-', '-', '-', 'stopped by --timeout before an answer'];
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

/** The summary printed at the end of a watch: counts, delivery rate, cost per currency and overdue messages. */
export function formatSummary(totals: Totals, label: string | null = null): string {
  const counts = MESSAGE_BUCKETS.filter((bucket) => totals.counts[bucket] > 0).map(
    (bucket) => `${totals.counts[bucket]} ${BUCKET_WORDS[bucket]}`,
  );
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
  if (totals.overdue > 0) {
    lines.push(`Overdue: ${plural(totals.overdue, 'message')} passed the deadline without a final status`);
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
