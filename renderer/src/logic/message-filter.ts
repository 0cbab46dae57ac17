import type { ListedMessage } from '../../../shared/contract';
import { bucketOf, type MessageBucket } from '../../../shared/totals';

/** Which messages the list shows: by bucket (empty set: all), by label, and by a piece of the id. */
export interface MessageFilter {
  /** The buckets to show; an empty set shows every bucket. */
  readonly buckets: ReadonlySet<MessageBucket>;
  /** A label to show only, `null` for unlabelled messages only, `undefined` for any label. */
  readonly label?: string | null;
  /** Shows ids containing this text (case-insensitive, trimmed); blank shows all. */
  readonly search: string;
}

/** The filter that shows everything. */
export const NO_FILTER: MessageFilter = { buckets: new Set(), search: '' };

/** True when the filter hides nothing. */
export function isEmptyFilter(filter: MessageFilter): boolean {
  return filter.buckets.size === 0 && filter.label === undefined && filter.search.trim() === '';
}

function passes(message: ListedMessage, filter: MessageFilter, needle: string): boolean {
  if (filter.buckets.size > 0 && !filter.buckets.has(bucketOf(message))) return false;
  if (filter.label !== undefined && message.label !== filter.label) return false;
  return needle === '' || message.id.toLowerCase().includes(needle);
}

/** True when one message passes the filter. */
export function matchesFilter(message: ListedMessage, filter: MessageFilter): boolean {
  return passes(message, filter, filter.search.trim().toLowerCase());
}

/** The messages that pass the filter, in their original order (the same array when the filter hides nothing). */
export function filterMessages(
  messages: readonly ListedMessage[],
  filter: MessageFilter,
): readonly ListedMessage[] {
  if (isEmptyFilter(filter)) return messages;
  const needle = filter.search.trim().toLowerCase();
  return messages.filter((message) => passes(message, filter, needle));
}

/** Toggles one bucket in the filter's bucket set. */
export function toggleBucket(filter: MessageFilter, bucket: MessageBucket): MessageFilter {
  const buckets = new Set(filter.buckets);
  if (buckets.has(bucket)) buckets.delete(bucket);
  else buckets.add(bucket);
  return { ...filter, buckets };
}

/** Shows only one bucket, or every bucket again when it was already the only one shown. */
export function onlyBucket(filter: MessageFilter, bucket: MessageBucket): MessageFilter {
  const alreadyOnly = filter.buckets.size === 1 && filter.buckets.has(bucket);
  return { ...filter, buckets: alreadyOnly ? new Set() : new Set([bucket]) };
}

/** Distinct labels sorted as people read them, with `null` (unlabelled) last when present. */
export function labelList(labels: Iterable<string | null>): readonly (string | null)[] {
  const all = new Set(labels);
  const named = [...all].filter((label): label is string => label !== null);
  named.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return all.has(null) ? [...named, null] : named;
}
