import type { Money } from './message';

/** Micro-units per currency unit: money is summed as whole millionths so that totals never drift. */
export const MICROS_PER_UNIT = 1_000_000;

/** The total of one currency: its code (null when unknown), the summed amount, and how many values were added. */
export interface CurrencyTotal {
  readonly currency: string | null;
  readonly amount: number;
  readonly count: number;
}

/** Converts an amount to whole micro-units (millionths); throws a TypeError for NaN or an infinite amount. */
export function toMicros(amount: number): number {
  if (!Number.isFinite(amount)) {
    throw new TypeError(`Expected a finite amount of money, got ${String(amount)}`);
  }
  const micros = Math.round(amount * MICROS_PER_UNIT);
  if (!Number.isSafeInteger(micros)) {
    throw new RangeError(`Expected an amount of money small enough to count exactly, got ${amount}`);
  }
  // `+ 0` turns a negative zero (from tiny negative amounts) into a plain zero.
  return micros + 0;
}

/** Converts whole micro-units back to an amount (the nearest number to the exact decimal value). */
export function fromMicros(micros: number): number {
  return micros / MICROS_PER_UNIT;
}

/** Normalises a currency code: trimmed and upper case; null or blank means "currency unknown". */
export function normalizeCurrency(currency: string | null): string | null {
  if (currency === null) return null;
  const code = currency.trim().toUpperCase();
  return code === '' ? null : code;
}

/** Orders currency codes alphabetically, with "currency unknown" (null) last. */
function compareCurrencies(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Running per-currency sums of micro-units and counts for one currency. */
interface CurrencySum {
  micros: number;
  count: number;
}

/** Accumulates money per currency in integer micro-units, so that 0.1 added ten times is exactly 1. */
export class MoneyTotals {
  readonly #sums = new Map<string | null, CurrencySum>();

  /** Adds one amount to its currency's total; throws a TypeError for NaN or an infinite amount. */
  add(money: Money): void {
    const micros = toMicros(money.amount);
    const currency = normalizeCurrency(money.currency);
    const sum = this.#sums.get(currency);
    if (sum === undefined) {
      this.#sums.set(currency, { micros, count: 1 });
    } else {
      sum.micros += micros;
      sum.count += 1;
    }
  }

  /** The totals so far, one per currency, sorted by currency code with "currency unknown" last. */
  totals(): readonly CurrencyTotal[] {
    return [...this.#sums]
      .map(([currency, sum]) => ({ currency, amount: fromMicros(sum.micros), count: sum.count }))
      .sort((a, b) => compareCurrencies(a.currency, b.currency));
  }
}

/** Sums money per currency in one go; see {@link MoneyTotals}. */
export function sumMoney(values: Iterable<Money>): readonly CurrencyTotal[] {
  const totals = new MoneyTotals();
  for (const value of values) totals.add(value);
  return totals.totals();
}

/** Writes an amount with 2 to 6 decimals (no trailing zeros past 2), e.g. "12.345 UAH" or "0.05 (currency unknown)". */
export function formatMoney(amount: number, currency: string | null): string {
  const code = normalizeCurrency(currency);
  return `${formatAmount(amount)} ${code ?? '(currency unknown)'}`;
}

/** Writes an amount with 2 to 6 decimals, dropping trailing zeros past the second decimal. */
function formatAmount(amount: number): string {
  if (!Number.isFinite(amount)) return String(amount);
  // Round to whole micro-units first, so that -0.0000001 reads "0.00" rather than "-0.00".
  const fixed = (Math.round(amount * MICROS_PER_UNIT) / MICROS_PER_UNIT + 0).toFixed(6);
  return fixed.replace(/0{1,4}$/, '');
}
