import { describe, expect, it } from 'vitest';
import {
  boundedHistory,
  checkWatchRecord,
  checkWatchRecords,
} from '../../../electron/core/watch-record-check';
import { messageView } from '../../fakes/message-views';

const { schedule: _schedule, ...whole } = messageView({
  id: 'msg-1',
  statuses: ['processing', 'delivered'],
  charge: { amount: 0.5, currency: 'UAH' },
  parts: 2,
  channels: [{ channel: 'viber', status: 'delivered' }],
  error: { kind: 'network', message: 'down', httpStatus: null, at: 5 },
});

describe('checking a saved watch-list record', () => {
  it('accepts a whole record, and one saved before acknowledgements existed', () => {
    expect(checkWatchRecord(whole)).toEqual({ ok: true, record: whole });
    const { acknowledged: _acknowledged, ...older } = whole;
    expect(checkWatchRecord(older).ok).toBe(true);
  });

  it('names the first field that is wrong', () => {
    const reason = (value: unknown) => {
      const checked = checkWatchRecord(value);
      return checked.ok ? null : checked.reason;
    };
    expect(reason(null)).toBe('it is not an object');
    expect(reason({ id: 'only-id' })).toBe('record only-id: label is not text');
    expect(reason({ ...whole, id: 'a/b' })).toBe('record a/b: its id is not a message id');
    expect(reason({ ...whole, phase: 'lost' })).toBe('record msg-1: phase lost is unknown');
    expect(reason({ ...whole, history: [{ at: 1 }] })).toBe(
      'record msg-1: history entry 0 needs a time, a rawStatus and a known kind',
    );
    expect(reason({ ...whole, snapshot: { ...whole.snapshot, kind: 'odd' } })).toBe(
      'record msg-1: snapshot has an unknown kind odd',
    );
    expect(reason({ ...whole, snapshot: { ...whole.snapshot, charge: { amount: 'x' } } })).toBe(
      'record msg-1: snapshot charge is not an amount with a currency',
    );
    expect(reason({ ...whole, addedAt: Number.NaN })).toBe('record msg-1: addedAt is not a time');
    expect(reason({ ...whole, overdue: 'no' })).toBe('record msg-1: overdue is not true or false');
    expect(reason({ ...whole, lastError: { ...whole.lastError, kind: 'odd' } })).toBe(
      'record msg-1: lastError has an unknown kind odd',
    );
    expect(reason({ ...whole, acknowledged: 1 })).toBe('record msg-1: acknowledged is not true or false');
  });

  it('splits records into usable ones and those set aside, with the first reason', () => {
    const checked = checkWatchRecords([
      { key: 'msg-1', value: whole },
      { key: 'x', value: { id: 'x' } },
      { key: 'other', value: whole },
    ]);
    expect(checked.records).toEqual([whole]);
    expect(checked.setAside.map((entry) => entry.key)).toEqual(['x', 'other']);
    expect(checked.firstReason).toBe('record x: label is not text');
  });

  it('bounds a history as live watching does: unchanged at the limit, first and newest past it', () => {
    const history = (count: number) =>
      Array.from({ length: count }, (_, at) => ({ at, rawStatus: `s${at}`, kind: 'pending' as const }));
    expect(boundedHistory(history(49), 50)).toHaveLength(49);
    expect(boundedHistory(history(50), 50)).toHaveLength(50);
    const trimmed = boundedHistory(history(51), 50);
    expect(trimmed).toHaveLength(50);
    expect(trimmed.map((entry) => entry.at).slice(0, 3)).toEqual([0, 2, 3]);
  });
});
