/**
 * What the monitor costs at rest: the browser host (engine and all) and the window's renderer, with every watched
 * message final and nothing changing, over a minute with the window visible and a minute with it hidden. Run:
 * `node --import tsx bench/at-rest-bench.ts` (after `npm run build`); `--messages N` (default 10,000),
 * `--seconds N` per phase (default 60), `--json`.
 *
 * The host runs in this process (so its CPU time is this process's, measured while it does nothing else); the
 * SMSBAT simulator it is connected to answers nothing at rest. Headless Chromium shows every page as visible, so
 * "hidden" is the page told it is hidden (`visibilityState` and the `visibilitychange` event, as a minimised
 * window or a background tab tells it): what the window does about it is measured, not the browser's throttling.
 */
import { createHook } from 'node:async_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startSimulator } from '../electron/core/simulator';
import { createHostEngine } from '../electron/host/create-host-engine';
import { exportMessages } from '../electron/host/export-view';
import { startHostServices } from '../electron/host/host-services';
import { startBrowserHost } from '../electron/host/loopback/browser-host';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-options';
import { finalMessages } from './final-messages';
import { cpuSecondsOf, descendantsMatching } from './process-cpu';

/** The target: below 1% of one core, for the host and for the window's renderer, visible and hidden. */
export const AT_REST_TARGET_SHARE_OF_CORE = 0.01;

/** One phase's measurement. */
export interface RestPhase {
  readonly phase: 'visible' | 'hidden';
  readonly seconds: number;
  /** CPU seconds per second of the host's process (1 = a whole core). */
  readonly hostShareOfCore: number;
  /** CPU seconds per second of the window's renderer process(es). */
  readonly rendererShareOfCore: number;
  /** Timer and immediate callbacks the host ran, per second. */
  readonly hostWakeupsPerSecond: number;
}

function countWakeups(): { take(): number; stop(): void } {
  const timers = new Set<number>();
  let runs = 0;
  const hook = createHook({
    init(asyncId, type) {
      if (type === 'Timeout' || type === 'Immediate') timers.add(asyncId);
    },
    before(asyncId) {
      if (timers.has(asyncId)) runs += 1;
    },
    destroy(asyncId) {
      timers.delete(asyncId);
    },
  }).enable();
  return {
    take() {
      const taken = runs;
      runs = 0;
      return taken;
    },
    stop() {
      hook.disable();
    },
  };
}

async function measure(
  phase: RestPhase['phase'],
  seconds: number,
  wakeups: { take(): number },
): Promise<RestPhase> {
  const renderers = descendantsMatching(process.pid, '--type=renderer');
  const hostBefore = process.cpuUsage();
  const rendererBefore = cpuSecondsOf(renderers);
  wakeups.take();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const elapsedS = (performance.now() - started) / 1000;
  const host = process.cpuUsage(hostBefore);
  return {
    phase,
    seconds: elapsedS,
    hostShareOfCore: (host.user + host.system) / 1e6 / elapsedS,
    rendererShareOfCore: (cpuSecondsOf(renderers) - rendererBefore) / elapsedS,
    hostWakeupsPerSecond: wakeups.take() / elapsedS,
  };
}

/** Tells the page it is hidden, as a minimised window or a background tab would (a string: it runs in the page). */
const HIDE_PAGE = `
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
  document.dispatchEvent(new Event('visibilitychange'));
`;

async function hide(page: Page): Promise<void> {
  await page.evaluate(HIDE_PAGE);
}

/** Runs both phases and returns their figures. */
export async function runAtRestBench(options: {
  readonly messages: number;
  readonly seconds: number;
}): Promise<RestPhase[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'smsbat-at-rest-'));
  const simulator = await startSimulator({ timeScale: 0.001 });
  const services = await startHostServices({
    dataDir,
    env: { SMSBAT_BASE_URL: simulator.url, SMSBAT_API_KEY: simulator.simulator.credentials.apiKey },
    createEngine: createHostEngine,
    onProblem: (message) => {
      process.stderr.write(`${message}\n`);
    },
  });
  const exported = exportMessages(finalMessages(options.messages, Date.now()), 'json', Date.now());
  const imported = await services.handlers.importMessages({ json: exported.content });
  if (imported.imported !== options.messages)
    throw new Error(`imported ${String(imported.imported)} messages`);
  const host = await startBrowserHost({
    handlers: services.handlers,
    subscribe: (listener) => services.subscribe(listener),
    rendererDir: join(import.meta.dirname, '..', 'out', 'renderer'),
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  const wakeups = countWakeups();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(host.url);
    await page.getByRole('table', { name: 'Watched messages' }).waitFor({ timeout: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const visible = await measure('visible', options.seconds, wakeups);
    await hide(page);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const hidden = await measure('hidden', options.seconds, wakeups);
    return [visible, hidden];
  } finally {
    wakeups.stop();
    await browser.close();
    await host.close();
    await services.stop();
    await simulator.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const percent = (share: number): string => `${(share * 100).toFixed(2)}%`;
const verdict = (share: number): string =>
  `${(share / AT_REST_TARGET_SHARE_OF_CORE).toFixed(2)}× the 1% target${share <= AT_REST_TARGET_SHARE_OF_CORE ? ' (met)' : ' (missed)'}`;

/** The report's lines. */
export function formatAtRest(messages: number, phases: readonly RestPhase[]): string[] {
  return [
    '',
    `At rest: ${messages.toLocaleString('en')} final messages, nothing changing (share of one core, target below 1%)`,
    ...phases.flatMap((phase) => [
      `  window ${phase.phase}, ${phase.seconds.toFixed(0)} s:`,
      `    host (engine + browser host): ${percent(phase.hostShareOfCore)} of a core, ${verdict(phase.hostShareOfCore)}; ${phase.hostWakeupsPerSecond.toFixed(2)} timer wake-ups/s`,
      `    window's renderer:            ${percent(phase.rendererShareOfCore)} of a core, ${verdict(phase.rendererShareOfCore)}`,
    ]),
  ];
}

if (process.argv[1] === import.meta.filename) {
  const argv = process.argv.slice(2);
  const number = (flag: string, fallback: number): number => {
    const index = argv.indexOf(flag);
    const value = index === -1 ? fallback : Number(argv[index + 1]);
    if (!Number.isInteger(value) || value < 1) throw new TypeError(`${flag} needs a positive integer`);
    return value;
  };
  const messages = number('--messages', 10_000);
  const phases = await runAtRestBench({ messages, seconds: number('--seconds', 60) });
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify({ atRest: { messages, phases } })}\n`);
  else process.stdout.write(`${formatAtRest(messages, phases).join('\n')}\n`);
}
