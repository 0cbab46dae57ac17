import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isPackedNumberBlock,
  packNumberBlock,
  readNumberBlock,
  valueAt,
  type PackedNumberBlock,
} from '../../shared/number-block';

/** Numbers as messages hold them: times, counts, prices, nulls, and the odd extreme. */
const fieldValue = fc.oneof(
  fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_000 + 72 * 3_600_000 }),
  fc.nat(300),
  fc.constantFrom(
    0.35,
    1.05,
    0.7875,
    1e-7,
    0.1 + 0.2,
    null,
    -0,
    0,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    Infinity,
  ),
  fc.double({ noNaN: true }),
);

const readAll = (packed: PackedNumberBlock, length: number): (number | null)[] => {
  const block = readNumberBlock(packed, length);
  return Array.from({ length }, (_, at) => valueAt(block, at));
};

/** A frame's bytes start anywhere in its buffer: the block's bytes as a view at an odd offset. */
const atOddOffset = (packed: PackedNumberBlock): PackedNumberBlock => {
  const buffer = new Uint8Array(packed.bytes.byteLength + 3);
  buffer.set(packed.bytes, 3);
  return { ...packed, bytes: buffer.subarray(3) };
};

describe('number blocks', () => {
  it('give back every value exactly, nulls and -0 included, wherever a frame put their bytes', () => {
    fc.assert(
      fc.property(fc.array(fieldValue, { maxLength: 300 }), (values) => {
        const packed = packNumberBlock(values);
        expect(isPackedNumberBlock(packed)).toBe(true);
        expect(readAll(atOddOffset(packed), values.length)).toStrictEqual(values);
      }),
      { numRuns: 500 },
    );
  });

  it('hold times of one watch window in 4 bytes each; word codes, counts and a few prices in 1', () => {
    const start = 1_764_300_000_000;
    const times = [...Array.from({ length: 1_000 }, (_, i) => start + i * 259_201), null];
    expect(packNumberBlock(times).bytes.byteLength).toBe(1_001 * 4);
    expect(packNumberBlock([0, 3, 2, 1, null, 250]).bytes.byteLength).toBe(6);
    expect(packNumberBlock([0.35, 0.7, 1.05, 0.7875, null]).bytes.byteLength).toBe(5 * 2);
    expect(packNumberBlock([0.35, 0.7, null]).bytes.byteLength).toBe(3);
    expect(packNumberBlock([0.1 + 0.2, 1]).bytes.byteLength).toBe(2 * 8);
  });

  it('refuse a block that does not hold the values it should', () => {
    const packed = packNumberBlock([1, 2, 3]);
    expect(() => readNumberBlock(packed, 4)).toThrow(TypeError);
    expect(() => readNumberBlock({ ...packed, width: 3 } as unknown as PackedNumberBlock, 1)).toThrow(
      TypeError,
    );
    expect(() => readNumberBlock(packNumberBlock([0.5]), 1, { whole: true })).toThrow(TypeError);
    expect(() => readNumberBlock({ ...packed, base: -1 }, 3, { whole: true })).toThrow(TypeError);
    expect(readNumberBlock(packed, undefined, { whole: true }).values).toHaveLength(3);
    expect(isPackedNumberBlock({ width: 1, base: 0, bytes: [1, 2] })).toBe(false);
  });
});
