/** Limits for a numeric option. */
export interface NumberRange {
  readonly min?: number;
  readonly max?: number;
  /** Whether `min` itself is allowed. @default true */
  readonly minInclusive?: boolean;
  readonly integer?: boolean;
}

/**
 * Returns `value` (or `fallback` when it is undefined) after checking it is a finite number within `range`;
 * otherwise throws a TypeError naming the option, what it expects and what it got. Options can arrive from
 * settings files at run time, so `value` is checked whatever its static type.
 */
export function numberOption(name: string, value: unknown, fallback: number, range: NumberRange): number {
  const actual = value ?? fallback;
  const { min, max, integer = false, minInclusive = true } = range;
  const acceptable =
    typeof actual === 'number' &&
    (integer ? Number.isSafeInteger(actual) : Number.isFinite(actual)) &&
    (min === undefined || (minInclusive ? actual >= min : actual > min)) &&
    (max === undefined || actual <= max);
  if (!acceptable) {
    throw new TypeError(`Expected \`${name}\` to be ${describeRange(range)}, got ${describeValue(actual)}`);
  }
  return actual;
}

/** Shows a received value in an error message: `"text" (string)`, `` `42` (number) ``; never throws. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return `${JSON.stringify(value.length > 100 ? `${value.slice(0, 99)}…` : value)} (string)`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `\`${String(value)}\` (${typeof value})`;
  }
  if (value === null) return '`null`';
  if (value === undefined) return '`undefined`';
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}

/** "a number from 1 to 50", "a whole number from 1 and up", "a number above 0 and up to 50"... */
function describeRange({ min, max, integer = false, minInclusive = true }: NumberRange): string {
  const noun = integer ? 'a whole number' : 'a number';
  if (min === undefined) return max === undefined ? noun : `${noun} up to ${max}`;
  if (!minInclusive)
    return max === undefined ? `${noun} above ${min}` : `${noun} above ${min} and up to ${max}`;
  return max === undefined ? `${noun} from ${min} and up` : `${noun} from ${min} to ${max}`;
}
