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
 * otherwise throws a TypeError naming the option, what it expects and what it got.
 */
export function numberOption(
  name: string,
  value: number | undefined,
  fallback: number,
  range: NumberRange,
): number {
  const actual = value ?? fallback;
  const { min, max, integer = false, minInclusive = true } = range;
  const tooLow = min !== undefined && (minInclusive ? actual < min : actual <= min);
  const tooHigh = max !== undefined && actual > max;
  if (
    typeof actual !== 'number' ||
    !Number.isFinite(actual) ||
    tooLow ||
    tooHigh ||
    (integer && !Number.isInteger(actual))
  ) {
    throw new TypeError(
      `Expected \`${name}\` to be ${describeRange(range)}, got \`${String(actual)}\` (${typeof actual})`,
    );
  }
  return actual;
}

function describeRange({ min, max, integer = false, minInclusive = true }: NumberRange): string {
  const noun = integer ? 'an integer' : 'a number';
  const lower = min === undefined ? '' : `${minInclusive ? '>=' : '>'} ${min}`;
  const upper = max === undefined ? '' : `<= ${max}`;
  const bounds = [lower, upper].filter(Boolean).join(' and ');
  return bounds ? `${noun} ${bounds}` : `a finite ${integer ? 'integer' : 'number'}`;
}
