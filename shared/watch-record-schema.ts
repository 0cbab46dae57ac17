import { z } from 'zod';
import type { MessageView } from './engine-api';
import { HOLD_KINDS, WATCH_PHASES } from './glossary';
import type { CheckErrorKind, WatchedMessage } from './message';
import { isValidMessageId } from './message-ids';
import {
  MAX_ERROR_CHARS,
  MAX_HISTORY_ENTRIES,
  MAX_STATUS_CHARS,
  MAX_STATUS_ENTRIES,
  boundHistory,
  boundText,
} from './record-bounds';
import { STATUS_KINDS } from './status';

/**
 * The one shape of a watched message, checked wherever one comes from outside the running engine: an import, the
 * saved watch list, a test of the feed. Unknown fields are dropped before anything looks inside them (so a deeply
 * nested extra cannot exhaust the stack later), texts and lists are bounded as live checks bound them.
 */

/** Every kind of failed check, as `CheckErrorKind` names them. */
export const CHECK_ERROR_KINDS = [
  'auth',
  'not_found',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'invalid_response',
  'request_rejected',
  'wrong_base_url',
] as const satisfies readonly CheckErrorKind[];

const epochMs = z.number();
const statusWord = z.string().transform((text) => boundText(text, MAX_STATUS_CHARS));
const statusKind = z.enum(STATUS_KINDS);
const count = z.number().int().nonnegative();

/** A list cut to its first `maxEntries` items before they are checked. */
function boundedList<T extends z.ZodType>(item: T, maxEntries: number) {
  return z.preprocess((value) => (Array.isArray(value) ? value.slice(0, maxEntries) : value), z.array(item));
}

const money = z.object({ amount: z.number(), currency: statusWord.nullable() });

/** What one status check told the monitor (`StatusSnapshot`). */
export const statusSnapshotSchema = z.object({
  messageId: z.string().transform((text) => boundText(text, MAX_STATUS_CHARS * 4)),
  messagelistId: count.nullable(),
  rawStatus: statusWord,
  kind: statusKind,
  partsCount: count.nullable(),
  charge: money.nullable(),
  rate: money.nullable(),
  channels: boundedList(z.object({ channel: statusWord, status: statusWord }), MAX_STATUS_ENTRIES),
  fallbacks: boundedList(z.object({ type: statusWord, status: statusWord }), MAX_STATUS_ENTRIES),
});

/** One history entry; `source` marks a status a webhook brought (older saves have none: a poll). */
const historyEntry = z.object({
  at: epochMs,
  rawStatus: statusWord,
  kind: statusKind,
  source: z.enum(['poll', 'webhook']).optional(),
});

/** The last failed check (`CheckError`); records saved before the HTTP status was kept read it as null. */
export const checkErrorSchema = z.object({
  kind: z.enum(CHECK_ERROR_KINDS),
  message: z.string().transform((text) => boundText(text, MAX_ERROR_CHARS)),
  httpStatus: z
    .number()
    .int()
    .nullish()
    .transform((value) => value ?? null),
  at: epochMs,
});

/**
 * A saved or exported watch record (`WatchRecord`): every field checked, a long history cut to its first and newest
 * `MAX_HISTORY_ENTRIES`, unknown fields (a view's `schedule`, anything else) dropped. A record saved before
 * acknowledgements existed reads as unacknowledged.
 */
export const watchRecordSchema = z.object({
  id: z.string().refine(isValidMessageId, 'not a valid message id'),
  label: z.string().max(100).nullable(),
  phase: z.enum(WATCH_PHASES),
  snapshot: statusSnapshotSchema.nullable(),
  history: z.preprocess(
    (value) => (Array.isArray(value) ? boundHistory(value, MAX_HISTORY_ENTRIES) : value),
    z.array(historyEntry),
  ),
  addedAt: epochMs,
  lastCheckedAt: epochMs.nullable(),
  lastChangedAt: epochMs.nullable(),
  deadlineAt: epochMs.nullable(),
  overdue: z.boolean(),
  lastError: checkErrorSchema.nullable(),
  acknowledged: z
    .boolean()
    .optional()
    .transform((value) => value === true),
});

const scheduleFactsSchema = z.object({
  nextCheckAt: epochMs.nullable(),
  inFlight: z.boolean(),
  consecutiveFailures: count,
  heldBy: z.object({ reason: z.enum([...HOLD_KINDS, 'paused']), until: epochMs.nullable() }).nullable(),
});

/** A message as the feed carries it (`MessageView`): the record plus its scheduling facts. */
export const messageViewSchema = watchRecordSchema.extend({
  acknowledged: z.boolean(),
  schedule: scheduleFactsSchema.nullable(),
});

/** A watch record after checking: exactly what the watch list keeps (the engine's `WatchRecord`). */
export interface CheckedWatchRecord extends WatchedMessage {
  readonly acknowledged: boolean;
}

/** The outcome of checking one record: the record, or one line saying what is wrong with it. */
export type RecordCheck =
  | { readonly ok: true; readonly record: CheckedWatchRecord }
  | { readonly ok: false; readonly reason: string };

/** Checks one saved or exported record; never throws, whatever the value. */
export function parseWatchRecord(value: unknown): RecordCheck {
  const result = watchRecordSchema.safeParse(value);
  if (result.success) return { ok: true, record: result.data };
  return { ok: false, reason: describeIssues(result.error) };
}

/** Checks one message of the feed; never throws. */
export function parseMessageView(
  value: unknown,
): { ok: true; view: MessageView } | { ok: false; reason: string } {
  const result = messageViewSchema.safeParse(value);
  if (result.success) return { ok: true, view: result.data };
  return { ok: false, reason: describeIssues(result.error) };
}

/** What checking a list of records found: the good ones, and how many were refused with the first reasons. */
export interface CheckedRecords {
  readonly records: readonly CheckedWatchRecord[];
  /** The refused values as they were, in order (so a store can keep them aside). */
  readonly refused: readonly unknown[];
  /** Why, for the first `maxReasons` refused values: "record 3 (id x): snapshot.charge: missing". */
  readonly reasons: readonly string[];
}

/** Checks every record of a saved list or an export; the good ones pass, the others are counted with reasons. */
export function checkWatchRecords(values: readonly unknown[], maxReasons = 5): CheckedRecords {
  const records: CheckedWatchRecord[] = [];
  const refused: unknown[] = [];
  const reasons: string[] = [];
  values.forEach((value, index) => {
    const checked = parseWatchRecord(value);
    if (checked.ok) {
      records.push(checked.record);
      return;
    }
    refused.push(value);
    if (reasons.length < maxReasons) reasons.push(`${recordName(value, index)}: ${checked.reason}`);
  });
  return { records, refused, reasons };
}

/** "message 3 (id abc-1)", or "message 3" when it has no readable id. */
export function recordName(value: unknown, index: number): string {
  const id =
    typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
      ? boundText(value.id, 80)
      : null;
  return id === null ? `message ${index + 1}` : `message ${index + 1} (${JSON.stringify(id)})`;
}

/** A zod failure in one line: the first problem with where it is, and how many more there are. */
function describeIssues(error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  if (first === undefined) return 'unexpected shape';
  const where = first.path.length === 0 ? 'record' : first.path.map(String).join('.');
  const what = first.message
    .replace(/^Invalid (?:input|option): /, '')
    .replace(/^expected (.+), received undefined$/, 'missing (expected $1)');
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
  return `${where}: ${what}${more}`;
}
