/**
 * The window's benchmark: the real built window in headless Chromium, on the real loopback browser host with a
 * synthetic engine feed. Measures the time to show 10,000 watched messages and the main thread's long tasks while
 * 1,000 status changes per second stream in. Run: `npm run bench:window` (or `npm run bench`, after the engine's
 * tables); `--json` prints `{"window": ...}` instead; `--quick` opens the window once and streams for 3 s.
 * Sizes: `--messages N`, `--rate N` (changes/s), `--stream-ms N`, `--runs N`; `--renderer-dir DIR` measures another
 * build of the window (default out/renderer). Other flags are ignored (`npm run
 * bench` passes the engine's flags here too, with `--after-engine`: then `--json` prints nothing, so the engine's
 * JSON stays one document; `npm run bench:window -- --json` gives the window's).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumPath as defaultChromiumPath } from '../scripts/chromium-options';
import { runWindowBench, type WindowBenchOptions, type WindowBenchResult } from './window-measure';

/** The product's targets for the window. */
export const WINDOW_TARGETS = {
  showMs: 300,
  messageCount: 10_000,
  longestTaskMs: 50,
  changesPerSecond: 1_000,
};

const ROOT = join(import.meta.dirname, '..');

/** The options read from the command line, or a TypeError naming the bad one. */
export function parseWindowBenchArgs(argv: readonly string[]): {
  readonly json: boolean;
  readonly options: Omit<WindowBenchOptions, 'rendererDir' | 'chromiumPath'>;
} {
  const quick = argv.includes('--quick');
  const number = (flag: string): number | undefined => {
    const index = argv.indexOf(flag);
    if (index === -1) return undefined;
    const value = Number(argv[index + 1]);
    if (!Number.isInteger(value) || value < 1) throw new TypeError(`${flag} needs a positive integer`);
    return value;
  };
  return {
    json: argv.includes('--json'),
    options: {
      messageCount: number('--messages') ?? WINDOW_TARGETS.messageCount,
      changesPerSecond: number('--rate') ?? WINDOW_TARGETS.changesPerSecond,
      streamMs: number('--stream-ms') ?? (quick ? 3_000 : 10_000),
      showRuns: number('--runs') ?? (quick ? 1 : 3),
    },
  };
}

const count = (value: number): string => value.toLocaleString('en');
const ms = (value: number): string => `${String(Math.round(value))} ms`;
const against = (value: number, target: number): string =>
  `${(value / target).toFixed(2)}× the ${String(target)} ms target`;

/** The report's lines for a result. */
export function formatWindowBench(result: WindowBenchResult): string[] {
  const { stream } = result;
  const seconds = stream.durationMs / 1000;
  return [
    '',
    '## window',
    'real built window, headless Chromium, loopback browser host; synthetic engine feed (repeatable, no SMSBAT)',
    'shown = from the snapshot message reaching the page to the end of the first painted frame whose table counts',
    'every row (aria-rowcount) with its first rows drawn; long tasks from the PerformanceObserver on longtask',
    `${count(result.messageCount)} rows shown in ${ms(result.showMsMedian)} (${against(result.showMsMedian, WINDOW_TARGETS.showMs)}; ` +
      `${result.showMsRuns.length === 1 ? 'one opening' : `median of ${String(result.showMsRuns.length)} openings: ${result.showMsRuns.map((value) => String(Math.round(value))).join(', ')} ms`})`,
    `${count(stream.changesPerSecond)} status changes/s for ${String(seconds)} s: ${count(stream.messageChangesSent)} message changes ` +
      `in ${count(stream.feedChangesSent)} feed changes (one per ${String(stream.batchWindowMs)} ms), ${count(stream.feedChangesReceived)} reached the window`,
    (stream.longestTaskMs === null
      ? `longest main-thread task: none over 50 ms (within the ${String(WINDOW_TARGETS.longestTaskMs)} ms target)`
      : `longest main-thread task ${ms(stream.longestTaskMs)} (${against(stream.longestTaskMs, WINDOW_TARGETS.longestTaskMs)})`) +
      `, ${String(stream.tasksOver50Ms)} tasks over 50 ms, total blocking time ${ms(stream.totalBlockingTimeMs)}`,
  ];
}

/** Runs the window benchmark and prints it; a one-line skip when Chromium or the built window is missing. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { json, options } = parseWindowBenchArgs(argv);
  if (json && argv.includes('--after-engine')) return 0;
  const chromiumPath = defaultChromiumPath(env);
  const dirIndex = argv.indexOf('--renderer-dir');
  const rendererDir = dirIndex === -1 ? join(ROOT, 'out', 'renderer') : resolve(argv[dirIndex + 1] ?? '');
  const skip = !existsSync(chromiumPath)
    ? `no Chromium at ${chromiumPath} (install Debian's chromium or set CHROMIUM_PATH)`
    : !existsSync(join(rendererDir, 'index.html'))
      ? 'the window is not built (run `npm run build` first)'
      : null;
  if (skip !== null) {
    console.log(json ? JSON.stringify({ window: { skipped: skip } }) : `\nwindow benchmark skipped: ${skip}`);
    return 0;
  }
  const result = await runWindowBench({ ...options, rendererDir, chromiumPath });
  console.log(
    json
      ? JSON.stringify({ window: { ...result, targets: WINDOW_TARGETS } }, null, 2)
      : formatWindowBench(result).join('\n'),
  );
  return 0;
}

if (process.argv[1] === import.meta.filename) {
  process.exitCode = await main(process.argv.slice(2));
}
