import { describe, expect, it } from 'vitest';
import { FrameBatch } from '../../../renderer/src/logic/frame-batch';

/** A schedule the test runs by hand, as the next animation frame would. */
function manualSchedule() {
  const pending: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => {
      pending.push(callback);
    },
    runFrame: () => {
      for (const callback of pending.splice(0)) callback();
    },
    get waiting() {
      return pending.length;
    },
  };
}

describe('FrameBatch', () => {
  it('delivers everything that arrived before the frame as one batch, in arrival order', () => {
    const frames = manualSchedule();
    const delivered: (readonly number[])[] = [];
    const batch = new FrameBatch<number>(frames.schedule, (items) => delivered.push(items));
    batch.push(1);
    batch.push(2);
    batch.push(3);
    expect(frames.waiting).toBe(1);
    expect(delivered).toEqual([]);
    frames.runFrame();
    expect(delivered).toEqual([[1, 2, 3]]);
    batch.push(4);
    frames.runFrame();
    expect(delivered).toEqual([[1, 2, 3], [4]]);
  });

  it('delivers an urgent item at once with what waited before it, and the frame then has nothing to do', () => {
    const frames = manualSchedule();
    const delivered: (readonly string[])[] = [];
    const batch = new FrameBatch<string>(
      frames.schedule,
      (items) => delivered.push(items),
      (item) => item === 'snapshot',
    );
    batch.push('change');
    batch.push('snapshot');
    expect(delivered).toEqual([['change', 'snapshot']]);
    frames.runFrame();
    expect(delivered).toHaveLength(1);
    batch.push('next');
    frames.runFrame();
    expect(delivered).toEqual([['change', 'snapshot'], ['next']]);
  });

  it('delivers nothing after close', () => {
    const frames = manualSchedule();
    const delivered: (readonly number[])[] = [];
    const batch = new FrameBatch<number>(frames.schedule, (items) => delivered.push(items));
    batch.push(1);
    batch.close();
    frames.runFrame();
    batch.push(2);
    frames.runFrame();
    expect(delivered).toEqual([]);
  });
});
