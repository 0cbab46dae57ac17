import { describe, it, expect } from 'vitest';
import type { StatusSnapshot, WatchedMessage } from '../../shared/message';
import { summarize } from '../../shared/totals';
import type { CheckResult } from '../../electron/cli/check-result';
import {
  formatChangeLine,
  formatCheckTable,
  formatPercent,
  formatSummary,
  formatTable,
} from '../../electron/cli/format';
import { changeJson, summaryJson } from '../../electron/cli/json-output';
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
    expect(formatChangeLine({ kind: 'delivered', at: AT, message: message() })).toBe(
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
    expect(formatChangeLine({ kind: 'delivered', at: AT, message: basic }, 8)).toBe(
      '12:00:05  abc123    delivered  (3 parts; 0.30 (currency unknown))',
    );
    const pending = message({ phase: 'watching', snapshot: BASIC_PENDING });
    expect(formatChangeLine({ kind: 'status_changed', at: AT, message: pending })).toBe(
      '12:00:05  abc123  queued for sending  (2 parts)',
    );
    const odd = message({
      phase: 'watching',
      snapshot: { ...BASIC_PENDING, rawStatus: 'Mystery', kind: 'unknown' },
    });
    expect(formatChangeLine({ kind: 'status_changed', at: AT, message: odd })).toContain(
      'unknown status "Mystery"',
    );
  });

  it('describes the end of a watch, overdue messages and failed checks', () => {
    const pending = message({ phase: 'watching', snapshot: BASIC_PENDING });
    expect(
      formatChangeLine({
        kind: 'not_found',
        at: AT,
        message: message({ phase: 'not_found', snapshot: null }),
      }),
    ).toBe('12:00:05  abc123  not found  (SMSBAT does not know this message id)');
    expect(
      formatChangeLine({ kind: 'gave_up', at: AT, message: { ...pending, phase: 'gave_up' } }),
    ).toContain('gave up  (no final status within the watch window; last seen: queued for sending)');
    expect(formatChangeLine({ kind: 'overdue', at: AT, message: { ...pending, overdue: true } })).toContain(
      'overdue  (no final status by its deadline; last seen: queued for sending; still watching)',
    );
    const failing = {
      ...pending,
      lastError: { kind: 'server' as const, message: 'SMSBAT failed', httpStatus: 503, at: AT },
    };
    expect(formatChangeLine({ kind: 'check_failed', at: AT, message: failing })).toBe(
      '12:00:05  abc123  check failed: SMSBAT failed (HTTP 503); will try again',
    );
  });
});

describe('a 404 that is being retried, and late deliveries', () => {
  const notFoundYet = message({
    phase: 'watching',
    snapshot: null,
    lastError: {
      kind: 'not_found',
      message: 'SMSBAT does not know message "abc123"',
      httpStatus: 404,
      at: AT,
    },
  });
  const late = message({ deadlineAt: AT - 12_000, lastChangedAt: AT });

  it('says an id answered 404 is not found yet and checked again, not "not checked yet"', () => {
    expect(formatChangeLine({ kind: 'check_failed', at: AT, message: notFoundYet })).toBe(
      '12:00:05  abc123  not found yet  (a just-sent id can take a moment; checking again)',
    );
    const overdue = formatChangeLine({ kind: 'overdue', at: AT, message: { ...notFoundYet, overdue: true } });
    expect(overdue).toContain('last seen: not found yet');
    expect(overdue).not.toContain('not checked yet');
    expect(changeJson({ kind: 'check_failed', at: AT, message: notFoundYet })).toMatchObject({
      words: expect.stringMatching(/^not found yet/) as unknown,
      notFoundYet: true,
    });
    const summary = formatSummary(
      summarize([notFoundYet, message({ id: 'b', phase: 'watching', snapshot: null })]),
      null,
      [notFoundYet, message({ id: 'b', phase: 'watching', snapshot: null })],
    );
    expect(summary).toContain('2 messages: 1 not found yet (still checking), 1 not checked yet');
  });

  it('reports a delivery after the deadline as delivered late, in the line and the summary', () => {
    expect(formatChangeLine({ kind: 'delivered_late', at: AT, message: late })).toBe(
      '12:00:05  abc123  delivered late  (12 s after its deadline; viber: delivered, sms: not_used; 1 part; 0.05 USD)',
    );
    const onTime = message({ id: 'b', deadlineAt: AT + 1, lastChangedAt: AT });
    const lines = formatSummary(summarize([late, onTime]), null, [late, onTime]).split('\n');
    expect(lines).toContain('Delivered late: 1 message arrived after the deadline');
    expect(lines.some((line) => line.startsWith('Overdue'))).toBe(false);
  });

  it('puts the label, late deliveries and each message in the JSON summary', () => {
    const json = summaryJson(
      'batch-7',
      summarize([late]),
      [{ ...late, label: 'batch-7' }],
      { reason: 'settled' },
      0,
      AT,
    );
    expect(json).toMatchObject({
      type: 'summary',
      label: 'batch-7',
      deliveredLate: 1,
      overdue: 0,
      messages: [{ id: 'abc123', label: 'batch-7', deliveredLate: true }],
    });
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
      { id: 'y', state: 'skipped', reason: 'timeout' },
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

describe('changeJson', () => {
  it('produces NDJSON change objects with the status fields', () => {
    const json = changeJson({ kind: 'delivered', at: AT, message: message() });
    expect(json).toMatchObject({
      type: 'change',
      id: 'abc123',
      event: 'delivered',
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
    expect(watchExitCode({ reason: 'wrong_base_url', message: 'not SMSBAT' }, [pending])).toBe(3);
    expect(watchExitCode({ reason: 'interrupted', signal: 'SIGINT' }, [delivered])).toBe(130);
    expect(watchExitCode({ reason: 'interrupted', signal: 'SIGTERM' }, [delivered])).toBe(143);
  });

  it('check: 0 answered (pending is fine), 1 failed/not found/error, 2 skipped by --timeout', () => {
    expect(checkExitCode([{ id: 'a', state: 'ok', snapshot: BASIC_PENDING }])).toBe(0);
    expect(checkExitCode([{ id: 'a', state: 'ok', snapshot: failed.snapshot ?? BASIC_PENDING }])).toBe(1);
    expect(
      checkExitCode([
        { id: 'a', state: 'not_found' },
        { id: 'b', state: 'skipped', reason: 'timeout' },
      ]),
    ).toBe(1);
    expect(checkExitCode([{ id: 'b', state: 'skipped', reason: 'timeout' }])).toBe(2);
  });
});
