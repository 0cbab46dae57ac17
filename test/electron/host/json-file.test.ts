import { describe, expect, it } from 'vitest';
import { LatestWriteQueue } from '../../../electron/host/json-file';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('writing the data files', () => {
  it('runs one write at a time and only the newest of those waiting', async () => {
    const queue = new LatestWriteQueue();
    const ran: string[] = [];
    const first = deferred();
    const writes = [
      queue.enqueue(() => {
        ran.push('first');
        return first.promise;
      }),
    ];
    await Promise.resolve();
    for (const name of ['second', 'third', 'fourth']) {
      writes.push(
        queue.enqueue(() => {
          ran.push(name);
          return Promise.resolve();
        }),
      );
    }
    first.resolve();
    await Promise.all(writes);
    expect(ran).toEqual(['first', 'fourth']);
  });

  it('keeps going after a failed write, and tells its caller', async () => {
    const queue = new LatestWriteQueue(1);
    await expect(queue.enqueue(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    let wrote = false;
    await queue.enqueue(() => {
      wrote = true;
      return Promise.resolve();
    });
    expect(wrote).toBe(true);
  });

  it('refuses a negative gap', () => {
    expect(() => new LatestWriteQueue(-1)).toThrow(/minGapMs/);
  });
});
