import { describe, expect, it } from 'vitest';
import { checkWatchRecords } from '../../../electron/core/watch-record-check';
import { MAX_HISTORY_ENTRIES } from '../../../shared/record-bounds';
import { messageView } from '../../fakes/message-views';

const { schedule: _schedule, ...whole } = messageView({
  id: 'msg-1',
  statuses: ['processing', 'delivered'],
  charge: { amount: 0.5, currency: 'UAH' },
  parts: 2,
  channels: [{ channel: 'viber', status: 'delivered' }],
  error: { kind: 'network', message: 'down', httpStatus: null, at: 5 },
});

describe('checking the records a watch-list store read back', () => {
  it('takes whole records, and one saved before acknowledgements existed', () => {
    const { acknowledged: _acknowledged, ...older } = whole;
    const checked = checkWatchRecords([
      { key: 'msg-1', value: whole },
      { key: 'msg-1', value: older },
    ]);
    expect(checked.records).toEqual([whole, { ...whole, acknowledged: false }]);
    expect(checked.setAside).toEqual([]);
    expect(checked.firstReason).toBeNull();
  });

  it('sets aside records that do not fit and records saved under another id, naming the first reason', () => {
    const checked = checkWatchRecords([
      { key: 'msg-1', value: whole },
      { key: 'x', value: { id: 'x' } },
      { key: 'other', value: whole },
    ]);
    expect(checked.records).toEqual([whole]);
    expect(checked.setAside.map((entry) => entry.key)).toEqual(['x', 'other']);
    expect(checked.firstReason).toMatch(/^message 2 \("x"\): label/);
  });

  it('names a record saved under another id as such', () => {
    expect(checkWatchRecords([{ key: 'other', value: whole }]).firstReason).toBe(
      'message 1 ("msg-1"): saved under another id',
    );
  });

  it('bounds a long history as live watching does', () => {
    const history = Array.from({ length: MAX_HISTORY_ENTRIES + 1 }, (_, at) => ({
      at: at + 1,
      rawStatus: 'processing',
      kind: 'pending' as const,
    }));
    const [record] = checkWatchRecords([{ key: 'msg-1', value: { ...whole, history } }]).records;
    expect(record?.history).toHaveLength(MAX_HISTORY_ENTRIES);
  });
});
