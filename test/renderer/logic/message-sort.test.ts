import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListedMessage } from '../../../shared/contract';
import { COLUMNS } from '../../../renderer/src/logic/columns';
import {
  nextSort,
  sortedIndex,
  sortMessages,
  type SortOrder,
} from '../../../renderer/src/logic/message-sort';
import { listedView } from '../../fakes/message-views';

const messages = [
  listedView({
    id: 'b-10',
    label: 'Zeta',
    statuses: ['delivered'],
    charge: { amount: 0.5, currency: 'UAH' },
    parts: 2,
    addedAt: 3000,
  }),
  listedView({
    id: 'b-2',
    label: 'alpha',
    statuses: ['undeliverable'],
    charge: { amount: 0, currency: 'UAH' },
    parts: 1,
    addedAt: 1000,
  }),
  listedView({ id: 'a-1', label: null, addedAt: 2500 }),
];
const ids = (list: readonly { id: string }[]) => list.map((m) => m.id);

describe('sortMessages', () => {
  it('sorts ids naturally in both directions', () => {
    expect(ids(sortMessages(messages, { column: 'id', direction: 'ascending' }))).toEqual([
      'a-1',
      'b-2',
      'b-10',
    ]);
    expect(ids(sortMessages(messages, { column: 'id', direction: 'descending' }))).toEqual([
      'b-10',
      'b-2',
      'a-1',
    ]);
  });

  it('keeps empty values last in both directions', () => {
    expect(ids(sortMessages(messages, { column: 'label', direction: 'ascending' }))).toEqual([
      'b-2',
      'b-10',
      'a-1',
    ]);
    expect(ids(sortMessages(messages, { column: 'label', direction: 'descending' }))).toEqual([
      'b-10',
      'b-2',
      'a-1',
    ]);
    expect(ids(sortMessages(messages, { column: 'cost', direction: 'descending' }))).toEqual([
      'b-10',
      'b-2',
      'a-1',
    ]);
  });

  it('sorts statuses in reading order: not checked, on its way, delivered, failed', () => {
    expect(ids(sortMessages(messages, { column: 'status', direction: 'ascending' }))).toEqual([
      'a-1',
      'b-10',
      'b-2',
    ]);
  });

  it('sorts by last change, falling back to when the message was watched', () => {
    expect(ids(sortMessages(messages, { column: 'lastChange', direction: 'ascending' }))).toEqual([
      'b-2',
      'a-1',
      'b-10',
    ]);
  });

  it('can sort by every column without throwing and keeps every message', () => {
    for (const column of COLUMNS) {
      expect(sortMessages(messages, { column, direction: 'ascending' })).toHaveLength(3);
    }
  });

  it('orders many messages as comparing them one pair at a time does: ties by id, empty values last', () => {
    // Few distinct times and ids that tie under natural order ("07" and "7"), so that many values tie.
    const message = fc
      .record({
        id: fc.constantFrom('7', '07', '8', 'a-2', 'a-10', 'A-10', 'b', '1000000001'),
        suffix: fc.nat(40),
        addedAt: fc.constantFrom(1_764_300_000_000, 1_764_300_000_001, 1_764_300_060_000),
        statuses: fc.constantFrom([], ['accepted'], ['accepted', 'delivered']),
        stepMs: fc.constantFrom(1, 1000),
        parts: fc.option(fc.nat(3), { nil: null }),
      })
      .map(({ id, suffix, ...sketch }) =>
        listedView({ ...sketch, id: `${id}${suffix % 3 === 0 ? '' : String(suffix)}` }),
      );
    const order = fc.record({
      column: fc.constantFrom(...COLUMNS),
      direction: fc.constantFrom('ascending' as const, 'descending' as const),
    });
    /** The list built by placing each message where a binary search over the comparison puts it. */
    const oneByOne = (list: readonly ListedMessage[], by: SortOrder) => {
      const sorted: ListedMessage[] = [];
      for (const item of list) sorted.splice(sortedIndex(sorted, item, by), 0, item);
      return sorted;
    };
    fc.assert(
      fc.property(fc.uniqueArray(message, { selector: (m) => m.id, maxLength: 120 }), order, (list, by) => {
        expect(ids(sortMessages(list, by))).toEqual(ids(oneByOne(list, by)));
      }),
      { numRuns: 300 },
    );
  });

  it('does not change its input', () => {
    const before = ids(messages);
    sortMessages(messages, { column: 'id', direction: 'ascending' });
    expect(ids(messages)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('flips the direction on the same column and starts ascending on a new one', () => {
    expect(nextSort({ column: 'id', direction: 'ascending' }, 'id')).toEqual({
      column: 'id',
      direction: 'descending',
    });
    expect(nextSort({ column: 'id', direction: 'descending' }, 'cost')).toEqual({
      column: 'cost',
      direction: 'ascending',
    });
  });
});
