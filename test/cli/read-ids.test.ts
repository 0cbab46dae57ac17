import { describe, expect, it } from 'vitest';
import type { TextSource } from '../../electron/cli/io';
import { MAX_LINE_BYTES, streamIds } from '../../electron/cli/read-ids';
import { UsageError } from '../../electron/cli/usage-error';
import { fakeIo } from './fake-io';

/** A stdin that delivers these chunks, in order. */
function chunks(...parts: readonly (string | Uint8Array)[]): TextSource {
  return {
    isTTY: false,
    async *[Symbol.asyncIterator]() {
      for (const part of parts) {
        await Promise.resolve();
        yield part;
      }
    },
  };
}

async function batches(source: TextSource): Promise<{ batches: string[][]; err: string }> {
  const io = fakeIo();
  const seen: string[][] = [];
  for await (const ids of streamIds(source, io, 'watch')) seen.push(ids);
  return { batches: seen, err: io.err() };
}

describe('streamIds', () => {
  it('yields the ids of each complete line as it arrives, holding back a line cut between chunks', async () => {
    const result = await batches(chunks('abc1\nabc', '2, abc3\n', 'abc4'));
    expect(result.batches).toEqual([['abc1'], ['abc2', 'abc3'], ['abc4']]);
  });

  it('decodes a UTF-8 character split between chunks, and skips ids seen before, counting them', async () => {
    const bytes = new TextEncoder().encode('ab\u00e9\n');
    const result = await batches(chunks('abc1\n', bytes.subarray(0, 3), bytes.subarray(3), 'abc1 abc2\n'));
    expect(result.batches).toEqual([['abc1'], ['abc2']]);
    expect(result.err).toContain('"ab\u00e9"');
    expect(result.err).toContain('ignored 1 repeated id');
  });

  it('refuses a line longer than MAX_LINE_BYTES instead of buffering it forever', async () => {
    const error = await batches(chunks('x'.repeat(MAX_LINE_BYTES + 1))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/line longer than 1 MiB/);
  });
});
