const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)';
const LONG_DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

/** IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`. */
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`, 'i');
/** Obsolete RFC 850: `Sunday, 06-Nov-94 08:49:37 GMT`. */
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`, 'i');
/** Obsolete asctime: `Sun Nov  6 08:49:37 1994`. */
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`, 'i');

/**
 * The longest `Retry-After` honoured, in milliseconds: one hour. A longer wait from a status API is a
 * misconfiguration or a bogus header (and one over about 24.8 days would overflow a Node timer), so it is cut to an
 * hour rather than ignored: the server did ask us to wait.
 */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/** The one place that bounds a server's wait: at least 0, at most `MAX_RETRY_AFTER_MS`. */
export function capRetryAfterMs(ms: number): number {
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

/**
 * Reads a `Retry-After` value, delta-seconds (`120`) or an HTTP-date, as milliseconds from `nowMs` (0 when the
 * date has passed), capped at `MAX_RETRY_AFTER_MS`. Anything else (negative values, other text) gives null.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  let ms: number | null;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    const at = parseHttpDate(text, nowMs);
    ms = at === null ? null : Math.max(0, at - nowMs);
  }
  return ms !== null && !Number.isNaN(ms) ? capRetryAfterMs(ms) : null;
}

/** Parses the three HTTP-date formats of RFC 9110 as UTC epoch milliseconds, or null. */
function parseHttpDate(text: string, nowMs: number): number | null {
  let match = IMF_FIXDATE.exec(text);
  if (match) return utc(match[3], match[2], match[1], match[4], match[5], match[6]);
  match = RFC_850.exec(text);
  if (match) return utc(fullYear(match[3], nowMs), match[2], match[1], match[4], match[5], match[6]);
  match = ASCTIME.exec(text);
  if (match) return utc(match[6], match[1], match[2], match[3], match[4], match[5]);
  return null;
}

/** RFC 9110: a two-digit year more than 50 years in the future means the most recent past year with those digits. */
function fullYear(twoDigits: string | undefined, nowMs: number): string {
  const currentYear = new Date(nowMs).getUTCFullYear();
  let year = Math.floor(currentYear / 100) * 100 + Number(twoDigits);
  if (year > currentYear + 50) year -= 100;
  return String(year);
}

function utc(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
): number | null {
  const monthIndex = MONTHS.indexOf((month ?? '').toLowerCase());
  const parts = [year, day, hour, minute, second].map((part) => Number((part ?? '').trim()));
  const [y = NaN, d = NaN, h = NaN, m = NaN, s = NaN] = parts;
  if (monthIndex < 0 || d < 1 || d > 31 || h > 23 || m > 59 || s > 60) return null;
  const ms = Date.UTC(y, monthIndex, d, h, m, s);
  return Number.isFinite(ms) ? ms : null;
}
