import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, capRetryAfterMs, parseRetryAfter } from '../../../../electron/core/client';

const NOW = Date.UTC(1994, 10, 6, 8, 49, 0);

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
  });

  it('reads the three HTTP-date formats as UTC', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(37_000);
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(37_000);
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', NOW)).toBe(37_000);
  });

  it('gives 0 for a date in the past', () => {
    expect(parseRetryAfter('Sat, 05 Nov 1994 08:49:37 GMT', NOW)).toBe(0);
  });

  it.each([undefined, '', 'soon', '-5', '1.5', '5 s', 'soon 1', 'Sun, 32 Nov 1994 08:49:37 GMT'])(
    'ignores %j',
    (value) => {
      expect(parseRetryAfter(value, NOW)).toBeNull();
    },
  );

  it('accepts waits up to MAX_RETRY_AFTER_MS (one hour)', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(3_600_000);
    expect(parseRetryAfter('3600', NOW)).toBe(3_600_000);
    expect(parseRetryAfter('Sun, 06 Nov 1994 09:49:00 GMT', NOW)).toBe(3_600_000);
  });

  it.each(['3601', '86400', '2147484', '9007199254740', '9'.repeat(30)])(
    'caps delta-seconds %j beyond MAX_RETRY_AFTER_MS at one hour, instead of ignoring the request to wait',
    (value) => {
      expect(parseRetryAfter(value, NOW)).toBe(MAX_RETRY_AFTER_MS);
    },
  );

  it.each([
    'Sun, 06 Nov 1994 09:49:01 GMT',
    'Sun, 04 Dec 1994 08:49:37 GMT',
    'Fri, 31 Dec 9999 23:59:59 GMT',
  ])('caps the date %j, further than MAX_RETRY_AFTER_MS ahead, at one hour', (value) => {
    expect(parseRetryAfter(value, NOW)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('bounds any wait to [0, MAX_RETRY_AFTER_MS] in one function', () => {
    expect(capRetryAfterMs(-5)).toBe(0);
    expect(capRetryAfterMs(1_500)).toBe(1_500);
    expect(capRetryAfterMs(Number.POSITIVE_INFINITY)).toBe(MAX_RETRY_AFTER_MS);
  });
});
