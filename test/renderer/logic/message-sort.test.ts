import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../../renderer/src/logic/columns';
import { nextSort, sortMessages } from '../../../renderer/src/logic/message-sort';
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
