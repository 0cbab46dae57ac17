/** The five `deliverystatus` values SMSBAT documents, in lifecycle order. */
export const DOCUMENTED_STATUSES = [
  'scheduled',
  'processing',
  'delivered',
  'undeliverable',
  'permanenterror',
] as const;

/** One of the documented `deliverystatus` values. */
export type DocumentedStatus = (typeof DOCUMENTED_STATUSES)[number];

/**
 * What a raw status means to the monitor: still on its way, arrived, failed for good, or a string we do not know.
 * `delivered` and `failed` are final; `pending` and `unknown` are not.
 */
export type StatusKind = 'pending' | 'delivered' | 'failed' | 'unknown';

/** Every status kind, from least to most settled. */
export const STATUS_KINDS: readonly StatusKind[] = ['unknown', 'pending', 'delivered', 'failed'];

const KIND_BY_STATUS: Readonly<Record<string, StatusKind>> = {
  scheduled: 'pending',
  processing: 'pending',
  delivered: 'delivered',
  undeliverable: 'failed',
  permanenterror: 'failed',
  // Tolerated extras seen on other SMSBAT pages and channels.
  accepted: 'pending',
  queued: 'pending',
  enroute: 'pending',
  sent: 'pending',
  read: 'delivered',
  seen: 'delivered',
  failed: 'failed',
  rejected: 'failed',
  expired: 'failed',
};

const WORDS_BY_STATUS: Readonly<Record<string, string>> = {
  scheduled: 'queued for sending',
  processing: 'being sent',
  delivered: 'delivered',
  undeliverable: 'undeliverable (rejected)',
  permanenterror: 'permanent error (removed from queue)',
  accepted: 'accepted',
  queued: 'queued for sending',
  enroute: 'being sent',
  sent: 'sent, awaiting delivery report',
  read: 'read by the recipient',
  seen: 'read by the recipient',
  failed: 'failed',
  rejected: 'rejected',
  expired: 'expired before delivery',
};

/** Folds a raw status to its lookup key: trimmed, lower case, without spaces, dashes or underscores. */
function statusKey(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** Looks a raw status up in a table by its key, ignoring inherited properties such as `constructor`. */
function lookUp<T>(table: Readonly<Record<string, T>>, raw: string): T | undefined {
  const key = statusKey(raw);
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Maps a raw `deliverystatus` string (any case) to its kind; anything unrecognised is `unknown`. */
export function classifyStatus(raw: string): StatusKind {
  return lookUp(KIND_BY_STATUS, raw) ?? 'unknown';
}

/** True for the kinds that never change again: `delivered` and `failed`. */
export function isFinalKind(kind: StatusKind): boolean {
  return kind === 'delivered' || kind === 'failed';
}

/**
 * Whether a newly observed status may replace the current one. A final status is never replaced by a
 * non-final one (responses can arrive out of order); otherwise the newest observation wins.
 */
export function mayReplaceStatus(current: StatusKind | undefined, next: StatusKind): boolean {
  if (current === undefined) return true;
  return !(isFinalKind(current) && !isFinalKind(next));
}

/** A short phrase for a raw status, for people: "queued for sending", or `unknown status "X"`. */
export function describeStatus(raw: string): string {
  return lookUp(WORDS_BY_STATUS, raw) ?? `unknown status "${raw}"`;
}
