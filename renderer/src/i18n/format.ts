/** Locale-aware formatting of numbers, money, shares, times and durations for the window. */

// Building an Intl formatter costs far more than using one: the list formats thousands of cells, so each
// (locale, options) pair is built once.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** A cached Intl.NumberFormat. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A cached Intl.DateTimeFormat. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** A cached Intl.RelativeTimeFormat. */
function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (format === undefined) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
    relativeFormats.set(locale, format);
  }
  return format;
}

/** A plain decimal amount with 2 to 6 decimals. */
export function formatAmount(locale: string, amount: number): string {
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 6 }).format(amount);
}

/** Formats a whole or decimal number for a locale. */
export function formatNumber(locale: string, value: number): string {
  return numberFormat(locale).format(value);
}

/** Formats a number with at most one decimal. */
export function formatDecimal(locale: string, value: number): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** Formats a share (0..1) as a percentage with at most one decimal. */
export function formatPercent(locale: string, share: number): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/**
 * Formats money with its currency (Intl currency style, 2 to 6 decimals so that per-part rates stay exact); an
 * unknown currency shows the bare amount and the given words for "currency unknown".
 */
export function formatMoneyFor(
  locale: string,
  amount: number,
  currency: string | null,
  unknownCurrency: string,
): string {
  if (currency === null) return `${formatAmount(locale, amount)} ${unknownCurrency}`;
  try {
    return numberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 6,
    }).format(amount);
  } catch {
    // Not an ISO 4217 code Intl knows: the amount and the code as SMSBAT sent it.
    return `${formatAmount(locale, amount)} ${currency}`;
  }
}

const RELATIVE_STEPS: readonly { readonly unit: Intl.RelativeTimeFormatUnit; readonly ms: number }[] = [
  { unit: 'day', ms: 86_400_000 },
  { unit: 'hour', ms: 3_600_000 },
  { unit: 'minute', ms: 60_000 },
  { unit: 'second', ms: 1000 },
];

/** "5 minutes ago" / "in 30 seconds" (numeric always, so it reads the same in every language). */
export function formatRelative(locale: string, at: number, now: number): string {
  const diff = at - now;
  const format = relativeFormat(locale);
  for (const step of RELATIVE_STEPS) {
    if (Math.abs(diff) >= step.ms || step.unit === 'second') {
      return format.format(Math.round(diff / step.ms), step.unit);
    }
  }
  return format.format(0, 'second');
}

/** A date and time with seconds, for timelines. */
export function formatDateTime(locale: string, at: number): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(at);
}

/** A time of day with seconds. */
export function formatTime(locale: string, at: number): string {
  return dateFormat(locale, { timeStyle: 'medium' }).format(at);
}

/** A short duration such as "45 s", "3 min" or "2 h" (unit style of Intl.NumberFormat). */
export function formatDuration(locale: string, ms: number): string {
  const abs = Math.abs(ms);
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day'): string =>
    numberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(value);
  if (abs < 60_000) return unit(Math.round(ms / 1000), 'second');
  if (abs < 3_600_000) return unit(Math.round(ms / 6_000) / 10, 'minute');
  if (abs < 86_400_000) return unit(Math.round(ms / 360_000) / 10, 'hour');
  return unit(Math.round(ms / 8_640_000) / 10, 'day');
}

/**
 * Builds the formatters the list uses for a language ahead of time (the first build of each costs tens of
 * milliseconds), so that the first drawing of thousands of rows does not pay for it.
 */
export function prepareFormats(locale: string): void {
  const at = Date.now();
  formatRelative(locale, at - 5_000, at);
  formatDateTime(locale, at);
  formatTime(locale, at);
  formatNumber(locale, 1);
  formatDecimal(locale, 1.5);
  formatPercent(locale, 0.5);
  formatDuration(locale, 5_000);
  formatMoneyFor(locale, 1, 'UAH', '');
}
