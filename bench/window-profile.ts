/**
 * Where the window's time goes: opens the built window once on the benchmark's host (10,000 messages), records a
 * Chromium trace from the snapshot's arrival to the rows shown, and streams changes for a few seconds with a
 * trace too; prints the main thread's time by trace event and the JavaScript functions with the most self time.
 * Run: `node --import tsx bench/window-profile.ts [--renderer-dir DIR] [--messages N] [--stream-ms N]` (an
 * unminified build names the functions: `WINDOW_MINIFY=0 npx electron-vite build`). It also marks the
 * end of the window's handler of the snapshot message and when the next task started. Environment: NO_PROFILER=1
 * (trace only, closer to real timings), NO_TRACE=1 (marks only), DETAIL=1 (every event of tasks over 300 ms),
 * CATS=… (trace categories).
 */
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-options';
import { SyntheticFeed } from './window-feed';
import { startWindowBenchHost } from './window-host';
import { probeScript, rowsShownInPage } from './window-probe';
import { collectTrace, type TraceEvent } from './chromium-trace';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly startTime?: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const arg = (argv: readonly string[], flag: string): string | undefined => {
  const index = argv.indexOf(flag);
  return index === -1 ? undefined : argv[index + 1];
};

function summarizeTrace(events: readonly TraceEvent[], from: number, to: number): string[] {
  // The renderer main thread: the thread that ran the most FunctionCall time.
  const byThread = new Map<string, number>();
  for (const event of events)
    if (event.ph === 'X' && event.name === 'RunTask')
      byThread.set(
        `${String(event.pid)}:${String(event.tid)}`,
        (byThread.get(`${String(event.pid)}:${String(event.tid)}`) ?? 0) + (event.dur ?? 0),
      );
  const main = [...events].filter(
    (event) => event.name === 'FunctionCall' || event.name === 'EvaluateScript',
  );
  const counts = new Map<string, number>();
  for (const event of main)
    counts.set(
      `${String(event.pid)}:${String(event.tid)}`,
      (counts.get(`${String(event.pid)}:${String(event.tid)}`) ?? 0) + (event.dur ?? 0),
    );
  const mainKey = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const lines: string[] = [];
  const inWindow = events.filter(
    (event) =>
      `${String(event.pid)}:${String(event.tid)}` === mainKey &&
      event.ph === 'X' &&
      event.ts >= from &&
      event.ts <= to,
  );
  const total = new Map<string, { dur: number; n: number }>();
  for (const event of inWindow) {
    const item = total.get(event.name) ?? { dur: 0, n: 0 };
    item.dur += event.dur ?? 0;
    item.n += 1;
    total.set(event.name, item);
  }
  lines.push(`main thread ${mainKey ?? '?'}, window ${((to - from) / 1000).toFixed(1)} ms`);
  for (const [name, item] of [...total.entries()].sort((a, b) => b[1].dur - a[1].dur).slice(0, 25))
    lines.push(`  ${name.padEnd(40)} ${(item.dur / 1000).toFixed(1).padStart(8)} ms  ×${String(item.n)}`);
  const mainEvents = events.filter(
    (event) =>
      `${String(event.pid)}:${String(event.tid)}` === mainKey &&
      event.ph === 'X' &&
      event.ts + (event.dur ?? 0) >= from &&
      event.ts <= to,
  );
  const tasks = mainEvents.filter((event) => event.name === 'RunTask' && (event.dur ?? 0) > 4_000);
  lines.push('tasks over 4 ms (start+duration ms, what they hold):');
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inner = new Map<string, number>();
    for (const event of mainEvents)
      if (
        event !== task &&
        event.ts >= task.ts &&
        event.ts + (event.dur ?? 0) <= end &&
        !event.name.startsWith('V8.GC') &&
        (event.dur ?? 0) > 1000
      )
        inner.set(event.name, (inner.get(event.name) ?? 0) + (event.dur ?? 0));
    if (process.env.DETAIL !== undefined && (task.dur ?? 0) > Number(process.env.DETAIL) * 1000)
      for (const event of events)
        if (
          event.ts >= task.ts &&
          event.ts <= end &&
          `${String(event.pid)}:${String(event.tid)}` === mainKey &&
          !event.name.startsWith('V8.GC')
        )
          lines.push(
            `      ${((event.ts - from) / 1000).toFixed(1)} ${event.ph} ${event.name} ${((event.dur ?? 0) / 1000).toFixed(1)} ${JSON.stringify(event.args ?? {}).slice(0, 150)}`,
          );
    lines.push(
      `  ${((task.ts - from) / 1000).toFixed(0)}+${((task.dur ?? 0) / 1000).toFixed(0)}: ${[...inner.entries()].map(([name, us]) => `${name} ${(us / 1000).toFixed(0)}`).join(', ')}`,
    );
  }
  return lines;
}

function summarizeProfile(
  profile: CpuProfile,
  top: number,
  from = -Infinity,
  to = Infinity,
  within: readonly (readonly [number, number])[] | null = null,
): string[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node] as const));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let at = profile.startTime ?? 0;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (at < from || at > to) return;
    if (within !== null && !within.some(([start, end]) => at >= start && at <= end)) return;
    const delta = profile.timeDeltas[index + 1] ?? 0;
    const node = nodes.get(id);
    if (node === undefined) return;
    const name = (n: ProfileNode) =>
      `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop() ?? ''}:${String(n.callFrame.lineNumber)}`;
    self.set(name(node), (self.get(name(node)) ?? 0) + delta);
    const seen = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const n = nodes.get(current);
      if (n === undefined) break;
      const key = name(n);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
    }
  });
  const fmt = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]) => `  ${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
  return ['self time:', ...fmt(self), 'inclusive time:', ...fmt(inclusive)];
}

/** Marks the end of the window's own handler of the snapshot message and the start of the next task. */
const STEPS_SCRIPT = `(() => {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string' || !event.data.startsWith('{"event":"feed","payload":{"type":"snapshot"')) return;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => performance.mark('step:first-next-task');
        channel.port2.postMessage(null);
      });
      queueMicrotask(() => this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string' || !event.data.startsWith('{"event":"feed","payload":{"type":"snapshot"')) return;
        performance.mark('step:handled');
        setTimeout(() => performance.mark('step:next-timeout'), 0);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => performance.mark('step:next-message');
        channel.port2.postMessage(null);
      }));
    }
  };
})();`;

async function mark(page: Page, name: string): Promise<number | null> {
  return page.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? null, name);
}

async function main(argv: readonly string[]): Promise<void> {
  const rendererDir = resolve(
    arg(argv, '--renderer-dir') ?? join(import.meta.dirname, '..', 'out', 'renderer'),
  );
  const messageCount = Number(arg(argv, '--messages') ?? '10000');
  const streamMs = Number(arg(argv, '--stream-ms') ?? '4000');
  const top = Number(arg(argv, '--top') ?? '30');
  const feed = new SyntheticFeed({ messageCount });
  const host = await startWindowBenchHost({ rendererDir, feed });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    await context.addInitScript({ content: probeScript(messageCount) });
    await context.addInitScript({ content: STEPS_SCRIPT });
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    if (process.env.NO_TRACE === undefined)
      await session.send('Tracing.start', {
        categories:
          process.env.CATS ??
          'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8,toplevel',
        transferMode: 'ReportEvents',
      });
    if (process.env.NO_PROFILER === undefined) await session.send('Profiler.start');
    await page.goto(host.url);
    await page.waitForFunction(rowsShownInPage, undefined, { timeout: 120_000 });
    const profile =
      process.env.NO_PROFILER === undefined
        ? ((await session.send('Profiler.stop')) as { profile: CpuProfile }).profile
        : { nodes: [], samples: [], timeDeltas: [] };
    const events = process.env.NO_TRACE === undefined ? await collectTrace(session) : [];
    const marks = events.filter((event) => event.name.startsWith('window-bench:'));
    const from = marks.find((event) => event.name === 'window-bench:snapshot')?.ts ?? 0;
    const to = marks.find((event) => event.name === 'window-bench:shown')?.ts ?? Infinity;
    console.log(
      `## opening (shown ${String(((await mark(page, 'window-bench:shown')) ?? 0) - ((await mark(page, 'window-bench:snapshot')) ?? 0))} ms)`,
    );
    const steps = await page.evaluate<string[]>(`(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      const zero = at('window-bench:snapshot');
      return ['step:handled', 'step:first-next-task', 'step:next-message', 'step:next-timeout', 'window-bench:shown'].map((name) => name + ' ' + (at(name) - zero).toFixed(1));
    })()`);
    console.log(steps.join('\n'));
    console.log(summarizeTrace(events, from, to).join('\n'));
    console.log(summarizeProfile(profile, top, from, to).join('\n'));
    await sleep(1000);
    await session.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,toplevel',
      transferMode: 'ReportEvents',
    });
    await session.send('Profiler.start');
    const started = performance.now();
    let sent = 0;
    while (performance.now() - started < streamMs) {
      host.publishChange(50);
      sent += 1;
      await sleep(Math.max(0, started + sent * 50 - performance.now()));
    }
    await sleep(500);
    const streamProfile = ((await session.send('Profiler.stop')) as { profile: CpuProfile }).profile;
    const streamEvents = await collectTrace(session);
    const ts = streamEvents.filter((event) => event.ph === 'X').map((event) => event.ts);
    console.log(`\n## stream (${String(sent)} changes of 50)`);
    console.log(summarizeTrace(streamEvents, Math.min(...ts), Math.max(...ts)).join('\n'));
    console.log(summarizeProfile(streamProfile, top).join('\n'));
    const longTasks = streamEvents
      .filter((event) => event.name === 'RunTask' && (event.dur ?? 0) > 30_000)
      .map((event) => [event.ts, event.ts + (event.dur ?? 0)] as const);
    console.log(`\n## stream, inside the ${String(longTasks.length)} tasks over 30 ms`);
    console.log(summarizeProfile(streamProfile, top, -Infinity, Infinity, longTasks).join('\n'));
  } finally {
    await browser.close();
    await host.close();
  }
}

await main(process.argv.slice(2));
