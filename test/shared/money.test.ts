import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MoneyTotals,
  formatMoney,
  fromMicros,
  normalizeCurrency,
  sumMoney,
  toMicros,
} from '../../shared/money';
import type { Money } from '../../shared/message';

/** Adds `amount` in `currency` to a fresh total `times` times. */
function addRepeatedly(amount: number, currency: string | null, times: number): MoneyTotals {
  const totals = new MoneyTotals();
  for (let i = 0; i < times; i += 1) totals.add({ amount, currency });
  return totals;
}

describe('toMicros and fromMicros', () => {
  it('converts amounts to whole millionths and back', () => {
    expect(toMicros(0.05)).toBe(50_000);
    expect(toMicros(0.1)).toBe(100_000);
    expect(toMicros(12.345678)).toBe(12_345_678);
    expect(toMicros(0)).toBe(0);
    expect(fromMicros(50_000)).toBe(0.05);
    expect(fromMicros(12_345_678)).toBe(12.345678);
  });

  it('rounds amounts finer than a millionth to the nearest millionth', () => {
    expect(toMicros(0.0000004)).toBe(0);
    expect(toMicros(0.0000006)).toBe(1);
    expect(toMicros(0.1 + 0.2)).toBe(300_000);
  });

  it('never returns a negative zero', () => {
    expect(Object.is(toMicros(-0), 0)).toBe(true);
    expect(Object.is(toMicros(-0.0000001), 0)).toBe(true);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'rejects %s with a TypeError',
    (n) => {
      expect(() => toMicros(n)).toThrow(TypeError);
    },
  );

  it('rejects an amount too large to count exactly in millionths', () => {
    expect(() => toMicros(1e12)).toThrow(RangeError);
  });

  it('round-trips any amount with up to 6 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (micros) => {
        expect(toMicros(fromMicros(micros))).toBe(micros);
      }),
    );
  });
});

describe('normalizeCurrency', () => {
  it('trims and upper-cases codes, and treats blank as unknown', () => {
    expect(normalizeCurrency(' usd ')).toBe('USD');
    expect(normalizeCurrency('Uah')).toBe('UAH');
    expect(normalizeCurrency('')).toBeNull();
    expect(normalizeCurrency('   ')).toBeNull();
    expect(normalizeCurrency(null)).toBeNull();
  });
});

describe('MoneyTotals', () => {
  it('adds 0.1 ten times to exactly 1', () => {
    expect(addRepeatedly(0.1, 'USD', 10).totals()).toEqual([{ currency: 'USD', amount: 1, count: 10 }]);
  });

  it('adds 0.05 a hundred thousand times to exactly 5000', () => {
    expect(addRepeatedly(0.05, 'USD', 100_000).totals()).toEqual([
      { currency: 'USD', amount: 5000, count: 100_000 },
    ]);
  });

  it('keeps currencies apart and never assumes an unknown currency is USD', () => {
    const totals = sumMoney([
      { amount: 0.05, currency: 'USD' },
      { amount: 0.05, currency: null },
      { amount: 1.2, currency: 'UAH' },
      { amount: 0.05, currency: 'USD' },
    ]);
    expect(totals).toEqual([
      { currency: 'UAH', amount: 1.2, count: 1 },
      { currency: 'USD', amount: 0.1, count: 2 },
      { currency: null, amount: 0.05, count: 1 },
    ]);
  });

  it('merges codes that differ only in case or spacing, and counts blank codes as unknown', () => {
    const totals = sumMoney([
      { amount: 1, currency: 'usd' },
      { amount: 2, currency: ' USD ' },
      { amount: 3, currency: '' },
      { amount: 4, currency: null },
    ]);
    expect(totals).toEqual([
      { currency: 'USD', amount: 3, count: 2 },
      { currency: null, amount: 7, count: 2 },
    ]);
  });

  it('sorts by currency code with unknown last', () => {
    const codes = sumMoney([
      { amount: 1, currency: null },
      { amount: 1, currency: 'USD' },
      { amount: 1, currency: 'EUR' },
      { amount: 1, currency: 'UAH' },
    ]).map((t) => t.currency);
    expect(codes).toEqual(['EUR', 'UAH', 'USD', null]);
  });

  it('counts free messages (cost 0.00) without changing the sum', () => {
    expect(
      sumMoney([
        { amount: 0, currency: 'USD' },
        { amount: 0.05, currency: 'USD' },
      ]),
    ).toEqual([{ currency: 'USD', amount: 0.05, count: 2 }]);
  });

  it('returns no totals when nothing was added', () => {
    expect(new MoneyTotals().totals()).toEqual([]);
  });

  it('refuses a NaN amount instead of poisoning the total', () => {
    const totals = new MoneyTotals();
    expect(() => {
      totals.add({ amount: Number.NaN, currency: 'USD' });
    }).toThrow(TypeError);
    expect(totals.totals()).toEqual([]);
  });

  it('totals equal the exact integer sum of micro-units, per currency', () => {
    const money = fc.record({
      amount: fc.integer({ min: 0, max: 10_000_000_000 }).map(fromMicros),
      currency: fc.constantFrom('USD', 'uah', ' EUR', null, ''),
    });
    fc.assert(
      fc.property(fc.array(money, { maxLength: 200 }), (values: Money[]) => {
        const expected = new Map<string | null, bigint>();
        for (const { amount, currency } of values) {
          const code = normalizeCurrency(currency);
          expected.set(code, (expected.get(code) ?? 0n) + BigInt(toMicros(amount)));
        }
        for (const total of sumMoney(values)) {
          expect(BigInt(toMicros(total.amount))).toBe(expected.get(total.currency));
        }
        expect(sumMoney(values)).toHaveLength(expected.size);
      }),
    );
  });
});

describe('formatMoney', () => {
  it.each([
    [0.05, 'USD', '0.05 USD'],
    [12.345, 'UAH', '12.345 UAH'],
    [1, 'EUR', '1.00 EUR'],
    [1.5, 'EUR', '1.50 EUR'],
    [0, 'USD', '0.00 USD'],
    [0.123456, 'USD', '0.123456 USD'],
    [5000, 'USD', '5000.00 USD'],
    [0.05, null, '0.05 (currency unknown)'],
    [0.05, '', '0.05 (currency unknown)'],
    [0.05, ' usd', '0.05 USD'],
  ] as const)('writes %s %j as %j', (amount, currency, text) => {
    expect(formatMoney(amount, currency)).toBe(text);
  });

  it('shows at most 6 decimals and hides float noise', () => {
    expect(formatMoney(0.1 + 0.2, 'USD')).toBe('0.30 USD');
    expect(formatMoney(0.1234567, 'USD')).toBe('0.123457 USD');
  });

  it('never shows a negative zero', () => {
    expect(formatMoney(-0.0000001, 'USD')).toBe('0.00 USD');
  });

  it('writes a refund with its sign', () => {
    expect(formatMoney(-0.05, 'USD')).toBe('-0.05 USD');
  });
});
