import { stringify } from 'csv-stringify/sync';
import type { ContractResponses } from '../../shared/contract';
import type { MessageView } from '../../shared/engine-api';

/** What an export is: a file name, its type, and the text. */
export type ExportedFile = ContractResponses['exportView'];

/** The marker and version a JSON export carries, so import knows what it reads. */
export const EXPORT_FORMAT_NAME = 'smsbat-monitor-export';
/** The version of the JSON export format. */
export const EXPORT_FORMAT_VERSION = 1;

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'label',
  'phase',
  'status',
  'status_kind',
  'channels',
  'parts',
  'charge',
  'currency',
  'added_at',
  'last_checked_at',
  'last_changed_at',
  'deadline_at',
  'overdue',
  'acknowledged',
  'last_error',
] as const;

function isoOrEmpty(at: number | null): string {
  return at === null ? '' : new Date(at).toISOString();
}

/** A spreadsheet runs a cell that starts with = + - @ (or a tab / CR) as a formula; a leading ' keeps it text. */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvRow(message: MessageView): string[] {
  const snapshot = message.snapshot;
  const cells = [
    message.id,
    message.label ?? '',
    message.phase,
    snapshot?.rawStatus ?? '',
    snapshot?.kind ?? '',
    snapshot?.channels.map((channel) => `${channel.channel}: ${channel.status}`).join('; ') ?? '',
    snapshot?.partsCount === null || snapshot === null ? '' : String(snapshot.partsCount),
    snapshot?.charge ? String(snapshot.charge.amount) : '',
    snapshot?.charge?.currency ?? '',
    isoOrEmpty(message.addedAt),
    isoOrEmpty(message.lastCheckedAt),
    isoOrEmpty(message.lastChangedAt),
    isoOrEmpty(message.deadlineAt),
    String(message.overdue),
    String(message.acknowledged),
    message.lastError?.message ?? '',
  ];
  return cells.map(safeCell);
}

function timestampForFileName(now: number): string {
  return new Date(now).toISOString().slice(0, 19).replaceAll(':', '-');
}

/** The CSV of the given messages: one header row, then one row per message, RFC 4180 quoting. */
export function messagesToCsv(messages: readonly MessageView[]): string {
  return stringify([[...CSV_COLUMNS], ...messages.map(csvRow)], { record_delimiter: 'windows' });
}

/** The JSON export of the given messages: every field of every message, which `importMessages` takes back. */
export function messagesToJson(messages: readonly MessageView[], now: number): string {
  return JSON.stringify(
    {
      format: EXPORT_FORMAT_NAME,
      version: EXPORT_FORMAT_VERSION,
      exportedAt: new Date(now).toISOString(),
      messages,
    },
    null,
    2,
  );
}

/** Picks the messages to export: those with the given ids (in list order), or all. */
export function selectMessages(
  messages: readonly MessageView[],
  messageIds: readonly string[] | undefined,
): MessageView[] {
  if (messageIds === undefined) return [...messages];
  const wanted = new Set(messageIds);
  return messages.filter((message) => wanted.has(message.id));
}

/** Exports messages as CSV or JSON, with a file name carrying the time. */
export function exportMessages(
  messages: readonly MessageView[],
  format: 'csv' | 'json',
  now: number,
): ExportedFile {
  const fileName = `smsbat-messages-${timestampForFileName(now)}.${format}`;
  return format === 'csv'
    ? { fileName, mimeType: 'text/csv', content: messagesToCsv(messages) }
    : { fileName, mimeType: 'application/json', content: messagesToJson(messages, now) };
}
