import { describe, expect, it } from 'vitest';
import { sampleDelayMs } from '../../../renderer/src/logic/sample-delay';

describe('sampleDelayMs', () => {
  it('takes the first value after the first frame is painted', () => {
    expect(sampleDelayMs(null, 5_000, 1_000)).toBe('after-paint');
  });

  it('takes a value at once when the last was taken an interval ago or more', () => {
    expect(sampleDelayMs(1_000, 2_000, 1_000)).toBe(0);
    expect(sampleDelayMs(1_000, 9_000, 1_000)).toBe(0);
  });

  it('waits for the rest of the interval otherwise, however often the value changes', () => {
    expect(sampleDelayMs(1_000, 1_050, 1_000)).toBe(950);
    expect(sampleDelayMs(1_000, 1_900, 1_000)).toBe(100);
  });
});
