import { describe, expect, it } from 'vitest';
import { toMessageColumns } from '../../shared/message-columns';
import { listedMessage } from '../../shared/contract';
import {
  CUT_MARK,
  MAX_HISTORY_ENTRIES,
  MAX_STATUS_CHARS,
  boundHistory,
  boundText,
} from '../../shared/record-bounds';
import { checkWatchRecords, parseMessageView, parseWatchRecord } from '../../shared/watch-record-schema';
import { messageView } from '../fakes/message-views';

const view = messageView({
  id: 'abc-1',
  statuses: ['scheduled', 'delivered'],
  charge: { amount: 0.05, currency: 'UAH' },
  channels: [{ channel: 'viber', status: 'delivered' }],
});

describe('the bounds on a watched message', () => {
  it.each([
    [MAX_STATUS_CHARS - 1, false],
    [MAX_STATUS_CHARS, false],
    [MAX_STATUS_CHARS + 1, true],
  ])('keeps a %i-character word whole unless it is longer than the bound (cut: %s)', (length, cut) => {
    const text = 'w'.repeat(length);
    const bounded = boundText(text, MAX_STATUS_CHARS);
    expect(bounded.length).toBe(Math.min(length, MAX_STATUS_CHARS));
    expect(bounded.endsWith(CUT_MARK)).toBe(cut);
  });

  it('never cuts between the halves of a character outside the basic plane', () => {
    const text = `${'a'.repeat(MAX_STATUS_CHARS - 2)}😀😀`;
    expect(boundText(text, MAX_STATUS_CHARS)).toBe(`${'a'.repeat(MAX_STATUS_CHARS - 2)}${CUT_MARK}`);
  });

  it.each([
    [MAX_HISTORY_ENTRIES - 1, MAX_HISTORY_ENTRIES - 1],
    [MAX_HISTORY_ENTRIES, MAX_HISTORY_ENTRIES],
    [MAX_HISTORY_ENTRIES + 1, MAX_HISTORY_ENTRIES],
  ])('keeps %i history entries as %i, the first and the newest', (count, kept) => {
    const history = Array.from({ length: count }, (_, index) => index);
    const bounded = boundHistory(history, MAX_HISTORY_ENTRIES);
    expect(bounded).toHaveLength(kept);
    expect(bounded[0]).toBe(0);
    expect(bounded.at(-1)).toBe(count - 1);
  });
});

describe('the schema of a watched message', () => {
  it('accepts a message as the feed carries it, and its record without the scheduling facts', () => {
    expect(parseMessageView(view)).toEqual({ ok: true, view });
    const { schedule: _schedule, ...record } = view;
    expect(parseWatchRecord(view)).toEqual({ ok: true, record });
  });

  it('refuses what the window could not draw, saying where', () => {
    const { charge: _charge, ...noCharge } = view.snapshot ?? {};
    const refused = parseWatchRecord({ ...view, snapshot: noCharge });
    expect(refused).toEqual({ ok: false, reason: 'snapshot.charge: missing (expected object)' });
    expect(parseWatchRecord({ id: 'only-id' })).toMatchObject({ ok: false, reason: /more problems/ });
    expect(parseWatchRecord(null)).toMatchObject({ ok: false });
    expect(parseMessageView({ ...view, schedule: { inFlight: 'yes' } })).toMatchObject({ ok: false });
  });

  it('gives what it accepts to the window without trouble', () => {
    const checked = parseWatchRecord(view);
    if (!checked.ok) throw new Error(checked.reason);
    const columns = toMessageColumns([listedMessage({ ...checked.record, schedule: null })]);
    expect(columns.count).toBe(1);
  });

  it.each([
    [2, 2],
    [3, 3],
    [4, 3],
  ])('names the first reasons of %i refused records, at most 3 (%i)', (refused, named) => {
    const values = [view, ...Array.from({ length: refused }, (_, index) => ({ id: `bad-${index}` }))];
    const checked = checkWatchRecords(values, 3);
    expect(checked.records.map((record) => record.id)).toEqual(['abc-1']);
    expect(checked.refused).toHaveLength(refused);
    expect(checked.reasons).toHaveLength(named);
    expect(checked.reasons[0]).toMatch(/^message 2 \("bad-0"\): /);
  });
});

describe('a history entry brought by a webhook', () => {
  it('keeps its source through a save or an import, and reads older entries without one', () => {
    const { schedule: _schedule, ...record } = messageView({
      id: 'w-1',
      statuses: ['processing', 'delivered'],
    });
    const history = [
      { ...record.history[0], source: 'poll' },
      { ...record.history[1], source: 'webhook' },
    ];
    const checked = parseWatchRecord({ ...record, history });
    expect(checked.ok && checked.record.history.map((entry) => entry.source)).toEqual(['poll', 'webhook']);
    const older = parseWatchRecord(record);
    expect(older.ok && older.record.history.every((entry) => entry.source === undefined)).toBe(true);
    expect(parseWatchRecord({ ...record, history: [{ ...record.history[0], source: 'guess' }] }).ok).toBe(
      false,
    );
  });
});
