import { describe, expect, it } from 'vitest';
import {
  NO_FILTER,
  filterMessages,
  isEmptyFilter,
  labelList,
  onlyBucket,
  toggleBucket,
} from '../../../renderer/src/logic/message-filter';
import { listedView } from '../../fakes/message-views';

const messages = [
  listedView({ id: 'ABC-1', label: 'Campaign', statuses: ['delivered'] }),
  listedView({ id: 'abc-2', label: 'Campaign', statuses: ['undeliverable'] }),
  listedView({ id: 'xyz-3', label: null, statuses: ['processing'] }),
  listedView({ id: 'xyz-4', label: 'Batch 10' }),
  listedView({ id: 'm-5', label: 'Batch 2', phase: 'not_found' }),
];
const ids = (list: readonly { id: string }[]) => list.map((m) => m.id);

describe('filterMessages', () => {
  it('shows everything with no filter', () => {
    expect(isEmptyFilter(NO_FILTER)).toBe(true);
    expect(filterMessages(messages, NO_FILTER)).toBe(messages);
  });

  it('filters by status bucket, several at once', () => {
    const delivered = onlyBucket(NO_FILTER, 'delivered');
    expect(ids(filterMessages(messages, delivered))).toEqual(['ABC-1']);
    const both = toggleBucket(delivered, 'failed');
    expect(ids(filterMessages(messages, both))).toEqual(['ABC-1', 'abc-2']);
    expect(ids(filterMessages(messages, onlyBucket(NO_FILTER, 'unchecked')))).toEqual(['xyz-4']);
    expect(ids(filterMessages(messages, onlyBucket(NO_FILTER, 'not_found')))).toEqual(['m-5']);
  });

  it('clicking the only bucket again shows all', () => {
    expect(onlyBucket(onlyBucket(NO_FILTER, 'failed'), 'failed').buckets.size).toBe(0);
  });

  it('filters by label, and null means unlabelled', () => {
    expect(ids(filterMessages(messages, { ...NO_FILTER, label: 'Campaign' }))).toEqual(['ABC-1', 'abc-2']);
    expect(ids(filterMessages(messages, { ...NO_FILTER, label: null }))).toEqual(['xyz-3']);
  });

  it('searches ids ignoring case and surrounding spaces', () => {
    expect(ids(filterMessages(messages, { ...NO_FILTER, search: '  abc ' }))).toEqual(['ABC-1', 'abc-2']);
  });

  it('combines status, label and search', () => {
    const filter = { buckets: new Set(['failed'] as const), label: 'Campaign', search: 'abc' };
    expect(ids(filterMessages(messages, filter))).toEqual(['abc-2']);
  });
});

describe('labelList', () => {
  it('sorts labels naturally with unlabelled last', () => {
    expect(labelList(messages.map((message) => message.label))).toEqual([
      'Batch 2',
      'Batch 10',
      'Campaign',
      null,
    ]);
  });
});
