import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Page } from '@playwright/test';
import { SyntheticFeed } from './window-feed';
import { startWindowBenchHost, type WindowBenchHost } from './window-host';
import {
  probeScript,
  probeStateSchema,
  readProbeInPage,
  SHOWN_BINDING,
  type ProbeState,
} from './window-probe';
import { quantile } from './stats';
import { CHROMIUM_ARGS } from '../scripts/chromium-options';

/** How the window benchmark runs. */
export interface WindowBenchOptions {
  /** The built window (`out/renderer`). */
  readonly rendererDir: string;
  readonly chromiumPath: string;
  /** Watched messages in the snapshot. @default 10_000 */
  readonly messageCount?: number;
  /** How many times the window is opened on the snapshot (the median is reported). @default 3 */
  readonly showRuns?: number;
  /** Message status changes streamed per second. @default 1_000 */
  readonly changesPerSecond?: number;
  /** How long the stream lasts, in ms. @default 10_000 */
  readonly streamMs?: number;
  /** How often a change is published, in ms: the engine's default batch window. @default 50 */
  readonly batchWindowMs?: number;
}

/** The window's figures. Times in ms. */
export interface WindowBenchResult {
  /** Always true: the feed is synthetic (no engine, no SMSBAT), so the numbers repeat. */
  readonly syntheticFeed: true;
  readonly messageCount: number;
  /** Snapshot arrival to the painted frame with every row counted, for each opening of the window. */
  readonly showMsRuns: readonly number[];
  readonly showMsMedian: number;
  readonly stream: {
    readonly changesPerSecond: number;
    readonly durationMs: number;
    readonly batchWindowMs: number;
    /** Message changes published, and the feed changes (batches) that reached the window. */
    readonly messageChangesSent: number;
    readonly feedChangesSent: number;
    readonly feedChangesReceived: number;
    /** The longest main-thread task, or null when none passed 50 ms (the long-task threshold). */
    readonly longestTaskMs: number | null;
    readonly tasksOver50Ms: number;
    /** The sum over long tasks of their time beyond 50 ms. */
    readonly totalBlockingTimeMs: number;
  };
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < 1) throw new TypeError(`${name} must be a positive integer`);
  return result;
}

async function readProbe(page: Page): Promise<ProbeState> {
  return probeStateSchema.parse(await page.evaluate(readProbeInPage));
}

/** How long the window may take to show its rows before the benchmark gives up. */
const SHOW_TIMEOUT_MS = 120_000;

async function openWindow(browser: Browser, host: WindowBenchHost, messageCount: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onShown: () => void = () => undefined;
  const shown = new Promise<null>((resolve, reject) => {
    onShown = () => {
      resolve(null);
    };
    timer = setTimeout(() => {
      reject(new Error(`The window did not show its rows within ${String(SHOW_TIMEOUT_MS)} ms.`));
    }, SHOW_TIMEOUT_MS);
  });
  // The page calls this when its rows are shown: nothing is evaluated in the page while it is being measured.
  await context.exposeFunction(SHOWN_BINDING, () => {
    onShown();
  });
  await context.addInitScript({ content: probeScript(messageCount) });
  const page = await context.newPage();
  await page.goto(host.url);
  try {
    await shown;
  } finally {
    clearTimeout(timer);
  }
  return page;
}

/** Streams changes at `changesPerSecond`, one feed change per batch window, on wall-clock time (no drift). */
async function stream(
  host: WindowBenchHost,
  changesPerSecond: number,
  durationMs: number,
  batchWindowMs: number,
): Promise<{ messages: number; changes: number }> {
  const started = performance.now();
  let messages = 0;
  let changes = 0;
  for (;;) {
    const elapsed = Math.min(durationMs, performance.now() - started);
    const due = Math.floor((elapsed * changesPerSecond) / 1000) - messages;
    if (due > 0) {
      host.publishChange(due);
      messages += due;
      changes += 1;
    }
    if (elapsed >= durationMs) return { messages, changes };
    await sleep(Math.max(0, started + (changes + 1) * batchWindowMs - performance.now()));
  }
}

/**
 * Opens the real built window in headless Chromium on the real loopback browser host fed by a synthetic engine
 * feed: measures the time to show the snapshot's messages (median of `showRuns` openings), then the long tasks on
 * the page's main thread while message changes stream in.
 */
export async function runWindowBench(options: WindowBenchOptions): Promise<WindowBenchResult> {
  const messageCount = positiveInteger('messageCount', options.messageCount, 10_000);
  const showRuns = positiveInteger('showRuns', options.showRuns, 3);
  const changesPerSecond = positiveInteger('changesPerSecond', options.changesPerSecond, 1_000);
  const durationMs = positiveInteger('streamMs', options.streamMs, 10_000);
  const batchWindowMs = positiveInteger('batchWindowMs', options.batchWindowMs, 50);
  const feed = new SyntheticFeed({ messageCount });
  const host = await startWindowBenchHost({ rendererDir: options.rendererDir, feed });
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: [...CHROMIUM_ARGS] });
  try {
    const showMsRuns: number[] = [];
    let page: Page | null = null;
    for (let run = 0; run < showRuns; run += 1) {
      if (page !== null) await page.context().close();
      page = await openWindow(browser, host, messageCount);
      const state = await readProbe(page);
      if (state.snapshotAt === null || state.shownAt === null)
        throw new Error('The window never showed its rows.');
      showMsRuns.push(state.shownAt - state.snapshotAt);
    }
    if (page === null) throw new Error('The window was never opened.');
    await sleep(1_000);
    const before = await readProbe(page);
    const sent = await stream(host, changesPerSecond, durationMs, batchWindowMs);
    await sleep(1_000);
    const after = await readProbe(page);
    const tasks = after.longTasks.filter((task) => task.startTime >= before.now);
    const durations = tasks.map((task) => task.duration);
    return {
      syntheticFeed: true,
      messageCount,
      showMsRuns,
      showMsMedian: quantile(
        [...showMsRuns].sort((a, b) => a - b),
        0.5,
      ),
      stream: {
        changesPerSecond,
        durationMs,
        batchWindowMs,
        messageChangesSent: sent.messages,
        feedChangesSent: sent.changes,
        feedChangesReceived: after.changesReceived - before.changesReceived,
        longestTaskMs: durations.length === 0 ? null : Math.max(...durations),
        tasksOver50Ms: durations.filter((duration) => duration > 50).length,
        totalBlockingTimeMs: durations.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
      },
    };
  } finally {
    await browser.close();
    await host.close();
  }
}
