import { describe, it, expect } from 'vitest';
import type { StatusSnapshot, WatchedMessage } from '../../shared/message';
import { summarize } from '../../shared/totals';
import { ChangeTracker } from '../../electron/cli/change-events';
import type { CheckResult } from '../../electron/cli/check-result';
import {
  formatChangeLine,
  formatCheckTable,
  formatPercent,
  formatSummary,
  formatTable,
} from '../../electron/cli/format';
import { changeJson } from '../../electron/cli/json-output';
import { checkExitCode, watchExitCode } from '../../electron/cli/outcome';

const AT = new Date(2026, 0, 1, 12, 0, 5).getTime(); // 12:00:05 local time

function snapshot(overrides: Partial<StatusSnapshot> = {}): StatusSnapshot {
  return {
    messageId: 'abc123',
    messagelistId: 123456,
    rawStatus: 'delivered',
    kind: 'delivered',
    partsCount: 1,
    charge: { amount: 0.05, currency: 'USD' },
    rate: { amount: 0.05, currency: 'USD' },
    channels: [
      { channel: 'viber', status: 'delivered' },
      { channel: 'sms', status: 'not_used' },
    ],
    fallbacks: [{ type: 'sms', status: 'not_used' }],
    ...overrides,
  };
}

function message(overrides: Partial<WatchedMessage> = {}): WatchedMessage {
  return {
    id: 'abc123',
    label: null,
    phase: 'final',
    snapshot: snapshot(),
    history: [],
    addedAt: AT - 5000,
    lastCheckedAt: AT,
    lastChangedAt: AT,
    deadlineAt: null,
    overdue: false,
    lastError: null,
    ...overrides,
  };
}

const BASIC_PENDING = snapshot({
  rawStatus: 'scheduled',
  kind: 'pending',
  partsCount: 2,
  charge: null,
  rate: null,
  channels: [],
  fallbacks: [],
});

describe('formatChangeLine', () => {
  it('names the status in words with channels, parts and cost', () => {
    expect(formatChangeLine({ event: 'status', at: AT, message: message() })).toBe(
      '12:00:05  abc123  delivered  (viber: delivered, sms: not_used; 1 part; 0.05 USD)',
    );
  });

  it('pads ids, says "currency unknown" for a basic response, and words unknown statuses', () => {
    const basic = message({
      snapshot: snapshot({
        channels: [],
        fallbacks: [],
        partsCount: 3,
        charge: { amount: 0.3, currency: null },
      }),
    });
    expect(formatChangeLine({ event: 'status', at: AT, message: basic }, 8)).toBe(
      '12:00:05  abc123    delivered  (3 parts; 0.30 (currency unknown))',
    );
    const pending = message({ phase: 'watching', snapshot: BASIC_PENDING });
    expect(formatChangeLine({ event: 'status', at: AT, message: pending })).toBe(
      '12:00:05  abc123  queued for sending  (2 parts)',
    );
    const odd = message({
      phase: 'watching',
      snapshot: { ...BASIC_PENDING, rawStatus: 'Mystery', kind: 'unknown' },
    });
    expect(formatChangeLine({ event: 'status', at: AT, message: odd })).toContain('unknown status "Mystery"');
  });

  it('describes the end of a watch, overdue messages and failed checks', () => {
    const pending = message({ phase: 'watching', snapshot: BASIC_PENDING });
    expect(
      formatChangeLine({
        event: 'not_found',
        at: AT,
        message: message({ phase: 'not_found', snapshot: null }),
      }),
    ).toBe('12:00:05  abc123  not found  (SMSBAT does not know this message id)');
    expect(
      formatChangeLine({ event: 'gave_up', at: AT, message: { ...pending, phase: 'gave_up' } }),
    ).toContain('gave up  (no final status within the watch window; last seen: queued for sending)');
    expect(formatChangeLine({ event: 'overdue', at: AT, message: { ...pending, overdue: true } })).toContain(
      'overdue  (no final status by its deadline; last seen: queued for sending; still watching)',
    );
    const failing = {
      ...pending,
      lastError: { kind: 'server' as const, message: 'SMSBAT failed', httpStatus: 503, at: AT },
    };
    expect(formatChangeLine({ event: 'check_failed', at: AT, message: failing })).toBe(
      '12:00:05  abc123  check failed: SMSBAT failed (HTTP 503); will try again',
    );
  });
});

describe('formatCheckTable', () => {
  it('aligns one row per id with status words, parts, cost, channels and error', () => {
    const results: CheckResult[] = [
      { id: 'abc123', state: 'ok', snapshot: snapshot() },
      { id: 'def4567890', state: 'ok', snapshot: BASIC_PENDING },
      { id: 'missing-1', state: 'not_found' },
      {
        id: 'x',
        state: 'error',
        error: { kind: 'server', message: 'SMSBAT failed to answer', httpStatus: 502 },
      },
      { id: 'y', state: 'skipped' },
    ];
    expect(formatCheckTable(results).split('\n')).toEqual([
      'ID          STATUS              PARTS  COST      CHANNELS                         ERROR',
      'abc123      delivered           1      0.05 USD  viber: delivered, sms: not_used  -',
      'def4567890  queued for sending  2      -         -                                -',
      'missing-1   not found           -      -         -                                SMSBAT does not know this message id',
      'x           not checked         -      -         -                                SMSBAT failed to answer (HTTP 502)',
      'y           not checked         -      -         -                                stopped by --timeout before an answer',
    ]);
  });

  it('leaves no trailing spaces', () => {
    expect(formatTable(['A', 'B'], [['long value', '']])).toBe('A           B\nlong value');
  });
});

describe('formatSummary', () => {
  it('gives counts, delivery rate and cost per currency', () => {
    const messages = [
      message({ id: 'a' }),
      message({ id: 'b', snapshot: snapshot({ charge: { amount: 0.5, currency: 'UAH' } }) }),
      message({
        id: 'c',
        snapshot: snapshot({
          rawStatus: 'undeliverable',
          kind: 'failed',
          charge: { amount: 0, currency: null },
        }),
      }),
      message({ id: 'd', phase: 'not_found', snapshot: null }),
      message({ id: 'e', phase: 'watching', snapshot: BASIC_PENDING, overdue: true }),
    ];
    expect(formatSummary(summarize(messages), 'campaign').split('\n')).toEqual([
      'Summary for "campaign": 5 messages: 1 still on the way, 2 delivered, 1 failed, 1 not found',
      'Delivery rate: 66.7% (2 of 3 with a final status)',
      'Cost: 0.50 UAH for 1 message; 0.05 USD for 1 message; 0.00 (currency unknown) for 1 message',
      'Overdue: 1 message passed the deadline without a final status',
    ]);
  });

  it('says when nothing is final or priced yet', () => {
    const text = formatSummary(summarize([message({ phase: 'watching', snapshot: null })]));
    expect(text).toContain('1 message: 1 not checked yet');
    expect(text).toContain('Delivery rate: no final status yet');
    expect(text).toContain('Cost: none reported yet');
  });

  it('formats percentages with at most one decimal', () => {
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.99999)).toBe('100%');
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(0)).toBe('0%');
  });
});

describe('ChangeTracker', () => {
  it('reports each status, error, overdue and end of watch once', () => {
    const tracker = new ChangeTracker();
    const pending = message({ phase: 'watching', snapshot: BASIC_PENDING });
    expect(tracker.changes(pending, AT).map((c) => c.event)).toEqual(['status']);
    expect(tracker.changes({ ...pending, lastCheckedAt: AT + 1 }, AT)).toEqual([]);
    const failing = {
      ...pending,
      lastError: { kind: 'server' as const, message: 'x', httpStatus: 503, at: AT },
    };
    expect(tracker.changes(failing, AT).map((c) => c.event)).toEqual(['check_failed']);
    expect(tracker.changes(failing, AT)).toEqual([]);
    expect(tracker.changes({ ...failing, overdue: true }, AT).map((c) => c.event)).toEqual(['overdue']);
    expect(tracker.changes({ ...pending, overdue: true, phase: 'gave_up' }, AT).map((c) => c.event)).toEqual([
      'gave_up',
    ]);
    expect(
      tracker.changes(message({ id: 'other', phase: 'not_found', snapshot: null }), AT).map((c) => c.event),
    ).toEqual(['not_found']);
  });

  it('produces NDJSON change objects with the status fields', () => {
    const json = changeJson({ event: 'status', at: AT, message: message() });
    expect(json).toMatchObject({
      type: 'change',
      id: 'abc123',
      event: 'status',
      status: 'delivered',
      words: 'delivered',
      kind: 'delivered',
      final: true,
      phase: 'final',
      charge: { amount: 0.05, currency: 'USD' },
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('exit codes', () => {
  const delivered = message();
  const failed = message({ snapshot: snapshot({ rawStatus: 'permanenterror', kind: 'failed' }) });
  const pending = message({ phase: 'watching', snapshot: BASIC_PENDING });

  it('watch: 0 all delivered, 1 failures (winning over 2), 2 unsettled, 3 auth, 130/143 signals', () => {
    expect(watchExitCode({ reason: 'settled' }, [delivered])).toBe(0);
    expect(watchExitCode({ reason: 'settled' }, [delivered, failed])).toBe(1);
    expect(watchExitCode({ reason: 'settled' }, [message({ phase: 'not_found', snapshot: null })])).toBe(1);
    expect(watchExitCode({ reason: 'timeout' }, [delivered, pending])).toBe(2);
    expect(watchExitCode({ reason: 'timeout' }, [failed, pending])).toBe(1);
    expect(watchExitCode({ reason: 'settled' }, [{ ...pending, phase: 'gave_up' }])).toBe(2);
    expect(watchExitCode({ reason: 'auth_failed', message: 'no' }, [failed])).toBe(3);
    expect(watchExitCode({ reason: 'interrupted', signal: 'SIGINT' }, [delivered])).toBe(130);
    expect(watchExitCode({ reason: 'interrupted', signal: 'SIGTERM' }, [delivered])).toBe(143);
  });

  it('check: 0 answered (pending is fine), 1 failed/not found/error, 2 skipped by --timeout', () => {
    expect(checkExitCode([{ id: 'a', state: 'ok', snapshot: BASIC_PENDING }])).toBe(0);
    expect(checkExitCode([{ id: 'a', state: 'ok', snapshot: failed.snapshot ?? BASIC_PENDING }])).toBe(1);
    expect(
      checkExitCode([
        { id: 'a', state: 'not_found' },
        { id: 'b', state: 'skipped' },
      ]),
    ).toBe(1);
    expect(checkExitCode([{ id: 'b', state: 'skipped' }])).toBe(2);
  });
});
