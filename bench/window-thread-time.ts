/**
 * The main thread's own time while the window shows 10,000 rows, from Chromium's trace: for each opening, the time
 * from the snapshot's arrival to the painted rows (as `bench:window` measures it) and, inside it, the CPU time the
 * renderer's main thread spent (trace events' thread durations) in all, in JavaScript, garbage collection, style,
 * layout and paint. A thread's CPU time barely moves when other processes share the cores, so two builds can be
 * compared on a busy machine where the wall times swing by ±30 %. Run after `npm run build`:
 * `node --import tsx bench/window-thread-time.ts [--renderer-dir DIR] [--runs N]` (medians last).
 */
import { join, resolve } from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-options';
import { SyntheticFeed } from './window-feed';
import { startWindowBenchHost } from './window-host';
import { probeScript, rowsShownInPage } from './window-probe';
import { collectTrace, type TraceEvent } from './chromium-trace';

/** One opening's times in ms: wall from snapshot to shown, and the main thread's CPU time by kind of work. */
export interface ThreadTimes {
  readonly wall: number;
  readonly cpu: number;
  readonly js: number;
  readonly gc: number;
  readonly style: number;
  readonly layout: number;
  readonly paint: number;
}

const KINDS: Readonly<Record<string, keyof Omit<ThreadTimes, 'wall'>>> = {
  RunTask: 'cpu',
  FunctionCall: 'js',
  MinorGC: 'gc',
  MajorGC: 'gc',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  Paint: 'paint',
};

/** The thread times between the probe's two marks (events cut at the marks count their share). */
export function threadTimes(events: readonly TraceEvent[]): ThreadTimes | null {
  const from = events.find((event) => event.name === 'window-bench:snapshot');
  const to = events.find((event) => event.name === 'window-bench:shown');
  if (from === undefined || to === undefined) return null;
  const sums = { cpu: 0, js: 0, gc: 0, style: 0, layout: 0, paint: 0 };
  for (const event of events) {
    const kind = KINDS[event.name];
    if (kind === undefined || event.ph !== 'X' || event.dur === undefined) continue;
    if (event.pid !== from.pid || event.tid !== from.tid) continue;
    const end = event.ts + event.dur;
    if (end <= from.ts || event.ts >= to.ts) continue;
    const share = (Math.min(end, to.ts) - Math.max(event.ts, from.ts)) / Math.max(1, event.dur);
    sums[kind] += (event.tdur ?? event.dur) * share;
  }
  const ms = (us: number) => Math.round(us / 1000);
  return {
    wall: ms(to.ts - from.ts),
    cpu: ms(sums.cpu),
    js: ms(sums.js),
    gc: ms(sums.gc),
    style: ms(sums.style),
    layout: ms(sums.layout),
    paint: ms(sums.paint),
  };
}

async function trace(session: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  await session.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8,toplevel',
    transferMode: 'ReportEvents',
  });
  await during();
  return collectTrace(session);
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(argv: readonly string[]): Promise<void> {
  const dirIndex = argv.indexOf('--renderer-dir');
  const rendererDir =
    dirIndex === -1 ? join(import.meta.dirname, '..', 'out', 'renderer') : resolve(argv[dirIndex + 1] ?? '');
  const runsIndex = argv.indexOf('--runs');
  const runs = runsIndex === -1 ? 5 : Number(argv[runsIndex + 1]);
  const messageCount = 10_000;
  const host = await startWindowBenchHost({ rendererDir, feed: new SyntheticFeed({ messageCount }) });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  const all: ThreadTimes[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
      await context.addInitScript({ content: probeScript(messageCount) });
      const page = await context.newPage();
      const session = await context.newCDPSession(page);
      const events = await trace(session, async () => {
        await page.goto(host.url);
        await page.waitForFunction(rowsShownInPage, undefined, { timeout: 120_000 });
      });
      const times = threadTimes(events);
      if (times !== null) {
        all.push(times);
        console.log(
          Object.entries(times)
            .map(([key, value]) => `${key} ${String(value)}`)
            .join('  '),
        );
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await host.close();
  }
  const keys = ['wall', 'cpu', 'js', 'gc', 'style', 'layout', 'paint'] as const;
  console.log(
    `median of ${String(all.length)}: ${keys.map((key) => `${key} ${String(median(all.map((times) => times[key])))}`).join('  ')} ms`,
  );
}

if (process.argv[1] === import.meta.filename) await main(process.argv.slice(2));
