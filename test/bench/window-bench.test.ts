import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatWindowBench } from '../../bench/window-bench';

const ROOT = resolve(import.meta.dirname, '../..');

function runWindowBench(args: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'bench/window-bench.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env,
  });
}

const SMALL = ['--messages', '300', '--runs', '1', '--rate', '200', '--stream-ms', '1000'];

const windowJson = z.object({
  window: z.object({
    syntheticFeed: z.literal(true),
    messageCount: z.literal(300),
    showMsRuns: z.array(z.number().nonnegative()).length(1),
    showMsMedian: z.number().nonnegative(),
    stream: z.object({
      changesPerSecond: z.literal(200),
      durationMs: z.literal(1000),
      batchWindowMs: z.number(),
      messageChangesSent: z.literal(200),
      feedChangesSent: z.number().positive(),
      feedChangesReceived: z.number(),
      longestTaskMs: z.number().nullable(),
      tasksOver50Ms: z.number().int().nonnegative(),
      totalBlockingTimeMs: z.number().nonnegative(),
    }),
    targets: z.object({ showMs: z.literal(300), longestTaskMs: z.literal(50) }),
  }),
});

describe('the window benchmark', () => {
  it(
    "opens the built window on a synthetic feed, reports the show time and the stream's long tasks, and prints them against the targets",
    { timeout: 60_000 },
    () => {
      const run = runWindowBench([...SMALL, '--json']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const { window } = windowJson.parse(JSON.parse(run.stdout));
      // Every batch streamed to the page reached it.
      expect(window.stream.feedChangesReceived).toBe(window.stream.feedChangesSent);

      const text = formatWindowBench(window).join('\n');
      expect(text).toContain('## window');
      expect(text).toContain('synthetic engine feed');
      expect(text).toMatch(/300 rows shown in \d+ ms \(\d+\.\d\d× the 300 ms target; one opening\)/);
      expect(text).toMatch(/200 status changes\/s for 1 s: 200 message changes/);
      expect(text).toMatch(
        /longest main-thread task(?: \d+ ms \(\d+\.\d\d× the 50 ms target\)|: none over 50 ms)/,
      );
      expect(text).toMatch(/\d+ tasks over 50 ms, total blocking time \d+ ms/);
    },
  );

  it('skips with one line when there is no Chromium', () => {
    const run = runWindowBench(SMALL, { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(
      "window benchmark skipped: no Chromium at /nonexistent/chromium (install Debian's chromium or set CHROMIUM_PATH)",
    );
  });

  it('leaves the engine its JSON document when run after it with --json', () => {
    const run = runWindowBench(['--after-engine', '--json']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });
});
