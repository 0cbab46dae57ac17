import type { MessageView } from '../../../shared/engine-api';
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
function sortValue(message: MessageView, column: ColumnId): string | number | null {
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

/** Sorts a copy of the messages; ties keep the id order, and empty values go last in both directions. */
export function sortMessages(messages: readonly MessageView[], order: SortOrder): readonly MessageView[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const keyed = messages.map((message) => ({ message, value: sortValue(message, order.column) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return collator.compare(a.message.id, b.message.id);
      return a.value === null ? 1 : -1;
    }
    return sign * compareValues(a.value, b.value) || collator.compare(a.message.id, b.message.id);
  });
  return keyed.map((item) => item.message);
}

/** The order after clicking a column header: the same column flips direction, a new one starts ascending. */
export function nextSort(current: SortOrder, column: ColumnId): SortOrder {
  if (current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
