/**
 * The watch list's storage, LMDB against the old JSON file, on the same machine in the same run: at 10,000 and
 * 100,000 messages with histories, the load time, the longest event-loop block from saving while messages change at
 * the highest rate cap, the bytes written per changed message, and the heap per watched message.
 *
 *   node --expose-gc --import tsx bench/storage-bench.ts [--sizes 10000,100000] [--churn-seconds 6]
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { StatusSnapshot } from '../shared/message';
import { classifyStatus } from '../shared/status';
import { WatchList } from '../electron/core/watch-list';
import {
  InMemoryWatchListStore,
  type WatchListStore,
  type WatchRecord,
} from '../electron/core/watch-list-store';
import { JsonFileWatchListStore } from '../electron/host/file-stores';
import { LmdbWatchListStore } from '../electron/host/lmdb-watch-list-store';
import { table } from './stats';

/** The highest rate cap a person can set: the most status changes a second the engine can bring in. */
const CHANGES_PER_SECOND = 50;
const HISTORY_ENTRIES = 6;
const LOAD_TARGET_MS = 1000;
const BLOCK_TARGET_MS = 20;

type StoreKind = 'lmdb' | 'json' | 'memory';

/** Loads timed per store; the median is reported (the machines these run on are shared and noisy). */
const LOAD_RUNS = 3;

interface Figures {
  readonly loadMs: number;
  readonly longestBlockMs: number;
  /** The 99th percentile of the event-loop delay: less sensitive to a busy machine than the longest. */
  readonly p99BlockMs: number;
  readonly bytesPerChange: number;
  readonly heapBytesPerMessage: number;
}

const STATUSES = ['scheduled', 'processing', 'enroute', 'sent', 'accepted', 'delivered'];

function snapshotOf(id: string, rawStatus: string): StatusSnapshot {
  return {
    messageId: id,
    messagelistId: 4_200_000,
    rawStatus,
    kind: classifyStatus(rawStatus),
    partsCount: 2,
    charge: { amount: 0.82, currency: 'UAH' },
    rate: { amount: 0.41, currency: 'UAH' },
    channels: [{ channel: 'viber', status: rawStatus }],
    fallbacks: [{ type: 'sms', status: 'not_used' }],
  };
}

/** A message watched for a while: a status, a history, a label. */
function recordFor(index: number, now: number): WatchRecord {
  const id = `bench-${String(index).padStart(7, '0')}`;
  const addedAt = now - 3_600_000 + index;
  return {
    id,
    label: index % 3 === 0 ? 'Black Friday campaign' : null,
    phase: 'watching',
    snapshot: snapshotOf(id, 'processing'),
    history: Array.from({ length: HISTORY_ENTRIES }, (_, step) => ({
      at: addedAt + step * 1000,
      rawStatus: STATUSES[step % STATUSES.length] ?? 'processing',
      kind: classifyStatus(STATUSES[step % STATUSES.length] ?? 'processing'),
    })),
    addedAt,
    lastCheckedAt: addedAt + 5000,
    lastChangedAt: addedAt + 5000,
    deadlineAt: null,
    overdue: false,
    lastError: null,
    acknowledged: false,
  };
}

function storeFor(
  kind: StoreKind,
  dataDir: string,
  memory: InMemoryWatchListStore,
): WatchListStore & { close?: () => Promise<void> } {
  const ignore = (): void => undefined;
  if (kind === 'memory') return memory;
  return kind === 'lmdb'
    ? new LmdbWatchListStore({ dataDir, onProblem: ignore })
    : new JsonFileWatchListStore(dataDir, ignore);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc to measure memory.');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Bytes this process has handed to write() so far (all threads, LMDB's writer included). */
async function bytesWritten(): Promise<number> {
  const io = await readFile('/proc/self/io', 'utf8');
  const match = /^wchar:\s+(\d+)$/m.exec(io);
  return match ? Number(match[1]) : Number.NaN;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

async function measure(kind: StoreKind, count: number, churnSeconds: number): Promise<Figures> {
  const dataDir = await mkdtemp(join(tmpdir(), `smsbat-storage-bench-${kind}-`));
  try {
    const now = Date.now();
    const records = Array.from({ length: count }, (_, index) => recordFor(index, now));
    const memory = new InMemoryWatchListStore();
    const seed = storeFor(kind, dataDir, memory);
    await seed.load();
    await seed.save({ upserted: records, removed: [] });
    await seed.close?.();
    records.length = 0;

    // The heap is measured on the first load, before any other load left garbage or caches behind.
    const before = heapUsed();
    const store = storeFor(kind, dataDir, memory);
    const list = new WatchList({ store, batchWindowMs: 50 });
    const started = performance.now();
    await list.load();
    const loads = [performance.now() - started];
    const heapBytesPerMessage = (heapUsed() - before) / count;
    for (let run = 1; run < LOAD_RUNS; run += 1) {
      const again = storeFor(kind, dataDir, memory);
      const timed = performance.now();
      await new WatchList({ store: again }).load();
      loads.push(performance.now() - timed);
      if (again !== store) await again.close?.();
    }
    const loadMs = median(loads);

    // Status changes at the rate cap, spread over the second as the pacer spreads checks.
    const delay = monitorEventLoopDelay({ resolution: 1 });
    const ids = list.all().map((record) => record.id);
    const writtenBefore = await bytesWritten();
    heapUsed(); // Collects the garbage of the timed loads first, so their collection does not land in the churn.
    delay.enable();
    let changed = 0;
    const end = performance.now() + churnSeconds * 1000;
    while (performance.now() < end) {
      const id = ids[Math.floor(Math.random() * ids.length)] ?? '';
      const rawStatus = changed % 2 === 0 ? 'sent' : 'enroute';
      list.recordSnapshot(id, snapshotOf(id, rawStatus), Date.now());
      changed += 1;
      await sleep(1000 / CHANGES_PER_SECOND);
    }
    await list.flush();
    delay.disable();
    await list.close();
    const bytesPerChange = ((await bytesWritten()) - writtenBefore) / changed;
    await store.close?.();
    return {
      loadMs,
      longestBlockMs: delay.max / 1e6,
      p99BlockMs: delay.percentile(99) / 1e6,
      bytesPerChange,
      heapBytesPerMessage,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const ms = (value: number): string => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const bytes = (value: number): string =>
  value >= 1_048_576
    ? `${(value / 1_048_576).toFixed(1)} MB`
    : value >= 1024
      ? `${(value / 1024).toFixed(1)} KB`
      : `${value.toFixed(0)} B`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      'churn-seconds': { type: 'string', default: '6' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const churnSeconds = Number(values['churn-seconds']);
  console.log(
    `Watch-list storage: LMDB against the JSON file, ${HISTORY_ENTRIES} history entries a message, ` +
      `${CHANGES_PER_SECOND} status changes a second for ${churnSeconds} s.`,
  );
  console.log(
    `Load average at the start: ${loadavg()
      .map((value) => value.toFixed(1))
      .join(', ')} on ${availableParallelism()} cores.`,
  );
  const sample = JSON.stringify(Array.from({ length: 20_000 }, (_, index) => recordFor(index, 0)));
  const parseStarted = performance.now();
  JSON.parse(sample);
  console.log(
    `This machine's speed: JSON.parse of ${bytes(sample.length)} took ${ms(performance.now() - parseStarted)}.`,
  );
  for (const count of sizes) {
    const lmdb = await measure('lmdb', count, churnSeconds);
    const json = await measure('json', count, churnSeconds);
    const memory = await measure('memory', count, churnSeconds);
    const rows = [
      ['load', ms(lmdb.loadMs), `< ${ms(LOAD_TARGET_MS)}`, ms(json.loadMs)],
      [
        'longest event-loop block while saving',
        ms(lmdb.longestBlockMs),
        `<= ${ms(BLOCK_TARGET_MS)}`,
        ms(json.longestBlockMs),
      ],
      ['  the same with nothing saved (machine noise)', ms(memory.longestBlockMs), '', ''],
      ['99th percentile of the event-loop delay', ms(lmdb.p99BlockMs), '', ms(json.p99BlockMs)],
      ['  the same with nothing saved (machine noise)', ms(memory.p99BlockMs), '', ''],
      [
        'bytes written per changed message',
        bytes(lmdb.bytesPerChange),
        'as small as one record',
        bytes(json.bytesPerChange),
      ],
      [
        'heap per watched message',
        bytes(lmdb.heapBytesPerMessage),
        'no copy beside the list',
        bytes(json.heapBytesPerMessage),
      ],
    ];
    console.log(`\n${count.toLocaleString('en')} messages`);
    console.log(table(['figure', 'LMDB', 'target', 'JSON file'], rows));
  }
}

await main();
