/**
 * Numbers (or nulls) of one or more fields for many messages, in the narrowest width that gives every value back
 * exactly: unsigned 1, 2 or 4-byte offsets from the block's smallest value when every value is a safe integer, or a
 * decimal with at most six places (stored times its power of ten: prices), the width's largest value standing for
 * null; else raw Float64 (NaN for null). Epoch-ms times of one watch window fit in 4 bytes, word codes, counts and
 * a campaign's few prices in 1, where raw Float64 takes 8.
 *
 * A reader takes the typed array as it comes and reads each value as it needs it ({@link valueAt}): no pass over
 * the block converts it first, since a window opening on 10,000 messages runs this code cold, where every extra
 * pass costs milliseconds. Multi-byte values travel in the machine's byte order: both ends of the loopback link run
 * on one machine.
 */
export interface PackedNumberBlock {
  readonly width: 1 | 2 | 4 | 8;
  /** Added to every offset; -0 for Float64 (adding -0 gives every value back as it is, -0 included). */
  readonly base: number;
  /** What every value was multiplied by to make it whole (a power of ten; 1 for whole numbers and Float64). */
  readonly scale: number;
  readonly bytes: Uint8Array;
}

/** A block ready to read: its values as a typed array, what to add to each, and which stored value is null. */
export interface NumberBlock {
  readonly values: Uint8Array | Uint16Array | Uint32Array | Float64Array;
  readonly base: number;
  readonly scale: number;
  /** The stored value that stands for null (NaN for Float64, which {@link valueAt} tests apart). */
  readonly none: number;
}

const NONE_OF_WIDTH = { 1: 0xff, 2: 0xffff, 4: 0xffff_ffff } as const;

const bytesOf = (array: Uint8Array | Uint16Array | Uint32Array | Float64Array): Uint8Array =>
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

const isNegativeZero = (value: number): boolean => value === 0 && 1 / value < 0;

/**
 * The values times the smallest power of ten up to 10^6 that makes every one a safe integer exactly, with that
 * power; null when none does.
 */
function asWholeNumbers(
  values: readonly (number | null)[],
): { readonly scale: number; readonly whole: readonly (number | null)[] } | null {
  for (let scale = 1; scale <= 1e6; scale *= 10) {
    const whole: (number | null)[] = [];
    const fits = values.every((value) => {
      if (value === null) {
        whole.push(null);
        return true;
      }
      const scaled = Math.round(value * scale);
      whole.push(scaled);
      return Number.isSafeInteger(scaled) && scaled / scale === value && !isNegativeZero(value);
    });
    if (fits) return { scale, whole };
  }
  return null;
}

/** Packs numbers (null for none) into the narrowest block that gives them back exactly. */
export function packNumberBlock(values: readonly (number | null)[]): PackedNumberBlock {
  const scaled = asWholeNumbers(values);
  let min = Infinity;
  let max = -Infinity;
  for (const value of scaled?.whole ?? []) {
    if (value === null) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) min = max = 0; // nothing but nulls
  // One more than the range: the width's largest value stands for null.
  const span = max - min + 1;
  const width = span <= 0xff ? 1 : span <= 0xffff ? 2 : span <= 0xffff_ffff ? 4 : 8;
  if (scaled === null || width === 8)
    return {
      width: 8,
      base: -0,
      scale: 1,
      bytes: bytesOf(Float64Array.from(values, (value) => value ?? Number.NaN)),
    };
  const none = NONE_OF_WIDTH[width];
  const offsets =
    width === 1
      ? new Uint8Array(values.length)
      : width === 2
        ? new Uint16Array(values.length)
        : new Uint32Array(values.length);
  scaled.whole.forEach((value, at) => {
    offsets[at] = value === null ? none : value - min;
  });
  return { width, base: min, scale: scaled.scale, bytes: bytesOf(offsets) };
}

/**
 * A packed block ready to read, holding `length` values (any number when undefined), each a whole number from 0
 * with `whole` (codes, counts, lengths); a TypeError when it does not: a block from a frame this build did not pack.
 */
export function readNumberBlock(
  packed: PackedNumberBlock,
  length: number | undefined,
  { whole = false }: { readonly whole?: boolean } = {},
): NumberBlock {
  const { width, bytes, base, scale } = packed;
  if (
    ![1, 2, 4, 8].includes(width) ||
    (length === undefined ? bytes.byteLength % width !== 0 : bytes.byteLength !== length * width) ||
    !Number.isFinite(base) ||
    !Number.isFinite(scale) ||
    scale <= 0 ||
    (whole && (width === 8 || !Number.isSafeInteger(base) || base < 0 || scale !== 1))
  )
    throw new TypeError('A block of numbers does not hold the values it should.');
  if (width === 1) return { values: bytes, base, scale, none: NONE_OF_WIDTH[1] };
  // An aligned copy: a frame puts the bytes anywhere.
  const aligned = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  if (width === 8) return { values: new Float64Array(aligned), base: -0, scale: 1, none: Number.NaN };
  return width === 2
    ? { values: new Uint16Array(aligned), base, scale, none: NONE_OF_WIDTH[2] }
    : { values: new Uint32Array(aligned), base, scale, none: NONE_OF_WIDTH[4] };
}

/** The value at `at`, or null. */
export function valueAt(block: NumberBlock, at: number): number | null {
  const value = block.values[at] ?? block.none;
  // NaN stands for null in Float64 blocks (and is the only value not equal to itself).
  return value === block.none || value !== value ? null : (block.base + value) / block.scale;
}

/** True when a value has the shape of {@link PackedNumberBlock} (as a frame decoder gives it back). */
export function isPackedNumberBlock(value: unknown): value is PackedNumberBlock {
  if (typeof value !== 'object' || value === null) return false;
  const block = value as Partial<Record<keyof PackedNumberBlock, unknown>>;
  return (
    typeof block.width === 'number' && typeof block.base === 'number' && block.bytes instanceof Uint8Array
  );
}
