import type { ListedMessage } from '../../../shared/contract';
import { MESSAGE_BUCKETS, bucketOf } from '../../../shared/totals';
import { channelSortKey } from './channel-summary';
import type { ColumnId } from './columns';

/** How the list is sorted: a column and a direction. */
export interface SortOrder {
  readonly column: ColumnId;
  readonly direction: 'ascending' | 'descending';
}

/** The default order: most recent change first. */
export const DEFAULT_SORT: SortOrder = { column: 'lastChange', direction: 'descending' };

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The value a message sorts by in a column; null sorts last in either direction. */
function sortValue(message: ListedMessage, column: ColumnId): string | number | null {
  switch (column) {
    case 'id':
      return message.id;
    case 'label':
      return message.label;
    case 'status':
      return MESSAGE_BUCKETS.indexOf(bucketOf(message));
    case 'channel': {
      const key = channelSortKey(message.snapshot);
      return key === '' ? null : key;
    }
    case 'parts':
      return message.snapshot?.partsCount ?? null;
    case 'cost': {
      const charge = message.snapshot?.charge ?? null;
      return charge === null ? null : charge.amount;
    }
    case 'lastChange':
      return message.lastChangedAt ?? message.addedAt;
    case 'nextCheck':
      return message.schedule?.nextCheckAt ?? null;
    case 'error':
      return message.lastError?.message ?? null;
  }
}

/** Compares two non-null sort values of the same column. */
function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Orders two messages by their sort values (empty values last), then by id (as people read numbers, then exactly). */
function compareEntries(
  aValue: string | number | null,
  aId: string,
  bValue: string | number | null,
  bId: string,
  sign: number,
): number {
  if (aValue === null || bValue === null) {
    if (aValue !== bValue) return aValue === null ? 1 : -1;
  } else {
    const byValue = sign * compareValues(aValue, bValue);
    if (byValue !== 0) return byValue;
  }
  const byId = collator.compare(aId, bId);
  if (byId !== 0) return byId;
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

/** Sorts a copy of the messages; ties keep the id order, and empty values go last in both directions. */
export function sortMessages(messages: readonly ListedMessage[], order: SortOrder): readonly ListedMessage[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  // Positions sorted by the messages' values: no object per message (a snapshot sorts 10,000 at once).
  const values = messages.map((message) => sortValue(message, order.column));
  const positions: number[] = [];
  for (let at = 0; at < messages.length; at += 1) positions.push(at);
  positions.sort((a, b) =>
    compareEntries(
      values[a] ?? null,
      (messages[a] as ListedMessage).id,
      values[b] ?? null,
      (messages[b] as ListedMessage).id,
      sign,
    ),
  );
  return positions.map((at) => messages[at] as ListedMessage);
}

/**
 * Where a message goes in a list sorted by `order`: the index of the first message that sorts after it (binary
 * search, so a changed message finds its place in O(log n) comparisons).
 */
export function sortedIndex(
  sorted: readonly ListedMessage[],
  message: ListedMessage,
  order: SortOrder,
): number {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const value = sortValue(message, order.column);
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = sorted[middle];
    if (
      other !== undefined &&
      compareEntries(sortValue(other, order.column), other.id, value, message.id, sign) <= 0
    )
      low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The order after clicking a column header: the same column flips direction, a new one starts ascending. */
export function nextSort(current: SortOrder, column: ColumnId): SortOrder {
  if (current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
