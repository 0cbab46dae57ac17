import type { CheckErrorKind, HistoryEntry } from '../../shared/message';
import { isValidMessageId } from '../../shared/message-ids';
import { STATUS_KINDS } from '../../shared/status';
import { WATCH_PHASES } from '../../shared/glossary';
import type { SavedRecord } from './watch-list-store';

/** What checking one saved record found: the record, or the first reason it cannot be used. */
export type RecordCheck =
  { readonly ok: true; readonly record: SavedRecord } | { readonly ok: false; readonly reason: string };

/** Saved records split into those that can be used and those set aside, with how many and the first reason. */
export interface CheckedRecords {
  readonly records: SavedRecord[];
  /** The values that failed the check, as read (kept so nothing is lost). */
  readonly setAside: { readonly key: string; readonly value: unknown }[];
  /** The first reason a record was set aside, or null when none was. */
  readonly firstReason: string | null;
}

const CHECK_ERROR_KINDS: readonly CheckErrorKind[] = [
  'auth',
  'not_found',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'invalid_response',
  'request_rejected',
  'wrong_base_url',
];

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isTime = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
const isTimeOrNull = (value: unknown): boolean => value === null || isTime(value);
const isStringOrNull = (value: unknown): boolean => value === null || typeof value === 'string';
const isCountOrNull = (value: unknown): boolean =>
  value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0);
const isOneOf = (options: readonly string[], value: unknown): boolean =>
  typeof value === 'string' && options.includes(value);

function moneyProblem(value: unknown): string | null {
  if (value === null) return null;
  if (!isObject(value) || !isTime(value['amount']) || !isStringOrNull(value['currency']))
    return 'is not an amount with a currency';
  return null;
}

function pairsProblem(value: unknown, first: string, second: string): string | null {
  if (!Array.isArray(value)) return 'is not a list';
  const bad = value.findIndex(
    (item) => !isObject(item) || typeof item[first] !== 'string' || typeof item[second] !== 'string',
  );
  return bad === -1 ? null : `entry ${bad} lacks ${first} or ${second}`;
}

function snapshotProblem(value: unknown): string | null {
  if (value === null) return null;
  if (!isObject(value)) return 'is not an object';
  if (typeof value['messageId'] !== 'string') return 'has no messageId';
  if (!isCountOrNull(value['messagelistId'])) return 'has a messagelistId that is not a whole number';
  if (typeof value['rawStatus'] !== 'string') return 'has no rawStatus';
  if (!isOneOf(STATUS_KINDS, value['kind'])) return `has an unknown kind ${String(value['kind'])}`;
  if (!isCountOrNull(value['partsCount'])) return 'has a partsCount that is not a whole number';
  const charge = moneyProblem(value['charge']);
  if (charge !== null) return `charge ${charge}`;
  const rate = moneyProblem(value['rate']);
  if (rate !== null) return `rate ${rate}`;
  const channels = pairsProblem(value['channels'], 'channel', 'status');
  if (channels !== null) return `channels ${channels}`;
  const fallbacks = pairsProblem(value['fallbacks'], 'type', 'status');
  return fallbacks === null ? null : `fallbacks ${fallbacks}`;
}

function historyProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'is not a list';
  const bad = value.findIndex(
    (entry: unknown) =>
      !isObject(entry) ||
      !isTime(entry['at']) ||
      typeof entry['rawStatus'] !== 'string' ||
      !isOneOf(STATUS_KINDS, entry['kind']),
  );
  return bad === -1 ? null : `entry ${bad} needs a time, a rawStatus and a known kind`;
}

function errorProblem(value: unknown): string | null {
  if (value === null) return null;
  if (!isObject(value)) return 'is not an object';
  if (!isOneOf(CHECK_ERROR_KINDS, value['kind'])) return `has an unknown kind ${String(value['kind'])}`;
  if (typeof value['message'] !== 'string') return 'has no message';
  if (!isCountOrNull(value['httpStatus'])) return 'has an httpStatus that is not a whole number';
  return isTime(value['at']) ? null : 'has no time';
}

/** The first problem with a record's fields, in the order they are read, or null when it is whole. */
function recordProblem(value: Fields): string | null {
  if (typeof value['id'] !== 'string' || !isValidMessageId(value['id'])) return 'its id is not a message id';
  if (!isStringOrNull(value['label'])) return 'label is not text';
  if (!isOneOf(WATCH_PHASES, value['phase'])) return `phase ${String(value['phase'])} is unknown`;
  const snapshot = snapshotProblem(value['snapshot']);
  if (snapshot !== null) return `snapshot ${snapshot}`;
  const history = historyProblem(value['history']);
  if (history !== null) return `history ${history}`;
  if (!isTime(value['addedAt'])) return 'addedAt is not a time';
  if (!isTimeOrNull(value['lastCheckedAt'])) return 'lastCheckedAt is not a time';
  if (!isTimeOrNull(value['lastChangedAt'])) return 'lastChangedAt is not a time';
  if (!isTimeOrNull(value['deadlineAt'])) return 'deadlineAt is not a time';
  if (typeof value['overdue'] !== 'boolean') return 'overdue is not true or false';
  const error = errorProblem(value['lastError']);
  if (error !== null) return `lastError ${error}`;
  const acknowledged = value['acknowledged'];
  if (acknowledged !== undefined && typeof acknowledged !== 'boolean')
    return 'acknowledged is not true or false';
  return null;
}

/** Checks every field of a saved watch-list record (an acknowledgement may be missing: older saves lack it). */
export function checkWatchRecord(value: unknown): RecordCheck {
  if (!isObject(value)) return { ok: false, reason: 'it is not an object' };
  const problem = recordProblem(value);
  if (problem !== null) {
    const id = typeof value['id'] === 'string' ? `record ${value['id'].slice(0, 40)}: ` : 'a record: ';
    return { ok: false, reason: `${id}${problem}` };
  }
  return { ok: true, record: value as unknown as SavedRecord };
}

/** Splits saved values (each with the key it was read under) into usable records and those set aside. */
export function checkWatchRecords(entries: Iterable<{ key: string; value: unknown }>): CheckedRecords {
  const records: SavedRecord[] = [];
  const setAside: { key: string; value: unknown }[] = [];
  let firstReason: string | null = null;
  for (const entry of entries) {
    const checked = checkWatchRecord(entry.value);
    if (checked.ok && checked.record.id === entry.key) {
      records.push(checked.record);
      continue;
    }
    setAside.push(entry);
    firstReason ??= checked.ok ? `record ${entry.key}: saved under another id` : checked.reason;
  }
  return { records, setAside, firstReason };
}

/** A history trimmed to `max` entries the way live watching trims it: the first and the newest survive. */
export function boundedHistory(history: readonly HistoryEntry[], max: number): readonly HistoryEntry[] {
  if (history.length <= max) return history;
  const first = history[0];
  const newest = history.slice(history.length - (max - 1));
  return first ? [first, ...newest] : newest;
}
