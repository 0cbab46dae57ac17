import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open } from 'lmdb';
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchListChange, WatchRecord } from '../../../electron/core/watch-list-store';
import { WatchList } from '../../../electron/core/watch-list';
import {
  LmdbWatchListStore,
  WATCH_LIST_DB_NAME,
  writeBatch,
  type BatchWriter,
} from '../../../electron/host/lmdb-watch-list-store';
import { freshMessage } from '../../fakes/message-views';
import { tempDir } from './host-test-kit';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<string> {
  const dir = await tempDir();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function storeIn(dir: string, problems: string[], writer?: BatchWriter): LmdbWatchListStore {
  const store = new LmdbWatchListStore({
    dataDir: dir,
    onProblem: (message) => problems.push(message),
    now: () => Date.UTC(2026, 11, 8, 1, 2, 3),
    ...(writer === undefined ? {} : { writeBatch: writer }),
  });
  cleanups.push(() => store.close());
  return store;
}

function record(id: string, at: number, extra: Partial<WatchRecord> = {}): WatchRecord {
  const { schedule: _schedule, ...fresh } = freshMessage(id, at);
  return { ...fresh, ...extra };
}

const history = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    at: index,
    rawStatus: `s${index}`,
    kind: 'pending' as const,
  }));

describe('the watch list in LMDB', () => {
  it('keeps every saved message, oldest first, for the next run; a removal deletes its record', async () => {
    const dir = await dataDir();
    const first = storeIn(dir, []);
    expect(await first.load()).toEqual([]);
    await first.save({
      upserted: [record('b', 2), record('a', 1, { label: 'x', history: history(3) })],
      removed: [],
    });
    await first.save({ upserted: [record('c', 3)], removed: ['b'] });
    await first.close();
    const next = storeIn(dir, []);
    expect((await next.load()).map((saved) => saved.id)).toEqual(['a', 'c']);
    expect((await next.load())[0]).toEqual(record('a', 1, { label: 'x', history: history(3) }));
    expect((await readdir(dir)).sort()).toEqual([WATCH_LIST_DB_NAME, `${WATCH_LIST_DB_NAME}-lock`]);
  });

  it('writes each batch as one transaction holding only the messages that changed', async () => {
    const dir = await dataDir();
    const batches: WatchListChange[] = [];
    const store = storeIn(dir, [], async (tables, change) => {
      batches.push(change);
      await writeBatch(tables, change);
    });
    const list = new WatchList({ store, batchWindowMs: 0 });
    await list.load();
    list.add(['m1', 'm2', 'm3']);
    await list.persisted();
    list.setLabel(['m2'], 'campaign');
    await list.persisted();
    list.removeFinished();
    list.remove(['m3']);
    await list.persisted();
    expect(batches.map((batch) => [batch.upserted.map((saved) => saved.id), batch.removed])).toEqual([
      [['m1', 'm2', 'm3'], []],
      [['m2'], []],
      [[], ['m3']],
    ]);
    await store.close();
    const reopened = storeIn(dir, []);
    expect((await reopened.load()).map((saved) => [saved.id, saved.label])).toEqual([
      ['m1', null],
      ['m2', 'campaign'],
    ]);
  });

  it('keeps a loaded history as bounded as live watching keeps it: the first and the newest entries', async () => {
    const dir = await dataDir();
    const store = storeIn(dir, []);
    await store.save({ upserted: [record('long', 1, { history: history(80) })], removed: [] });
    const list = new WatchList({ store, maxHistoryEntries: 50 });
    const [loaded] = await list.load();
    expect(loaded?.history).toHaveLength(50);
    expect(loaded?.history[0]?.rawStatus).toBe('s0');
    expect(loaded?.history.at(-1)?.rawStatus).toBe('s79');
    expect(loaded?.history[1]?.rawStatus).toBe('s31');
  });

  it('sets aside a saved record that is not whole, says how many and why, and starts with the rest', async () => {
    const dir = await dataDir();
    const seed = storeIn(dir, []);
    await seed.save({ upserted: [record('good', 1)], removed: [] });
    await seed.close();
    const raw = open({ path: join(dir, WATCH_LIST_DB_NAME), noSubdir: true, maxDbs: 4 });
    await raw.openDB({ name: 'messages' }).put('only-id', { id: 'only-id' });
    await raw.openDB({ name: 'messages' }).put('bad-phase', { ...record('bad-phase', 2), phase: 'lost' });
    await raw.close();

    const problems: string[] = [];
    const store = storeIn(dir, problems);
    expect((await store.load()).map((saved) => saved.id)).toEqual(['good']);
    expect(problems).toEqual([
      '2 saved messages were not whole and were set aside (first: message 1 ("bad-phase"): phase: expected one of "watching"|"final"|"not_found"|"gave_up"); the monitor starts with the other 1.',
    ]);
    await store.save({ upserted: [record('new', 3)], removed: [] });
    await store.close();

    const again: string[] = [];
    const reopened = storeIn(dir, again);
    expect((await reopened.load()).map((saved) => saved.id)).toEqual(['good', 'new']);
    expect(again).toEqual([]);
  });
});

describe('moving from watch-list.json', () => {
  const oldFile = (messages: unknown[]) => JSON.stringify({ version: 1, messages });

  it('imports the old file once, moves it aside with a message, and leaves the delivery profile alone', async () => {
    const dir = await dataDir();
    await writeFile(
      join(dir, 'watch-list.json'),
      oldFile([record('x2', 2), { id: 'only-id' }, { ...record('x1', 1), acknowledged: undefined }]),
    );
    await writeFile(join(dir, 'delivery-profile.json'), '{"kept": true}');
    const problems: string[] = [];
    const store = storeIn(dir, problems);
    expect((await store.load()).map((saved) => saved.id)).toEqual(['x1', 'x2']);
    const movedTo = 'watch-list.json.imported-2026-12-08T01-02-03.000Z';
    expect(problems).toEqual([
      `The watch list is now kept in a database: 2 messages were imported from ${join(dir, 'watch-list.json')}, which was moved to ${join(dir, movedTo)}. 1 record was not whole and left out (first: message 2 ("only-id"): label: missing (expected string) (and 9 more problems)); they stay in the old file.`,
    ]);
    expect((await readdir(dir)).sort()).toEqual([
      'delivery-profile.json',
      movedTo,
      WATCH_LIST_DB_NAME,
      `${WATCH_LIST_DB_NAME}-lock`,
    ]);
    expect(await readFile(join(dir, 'delivery-profile.json'), 'utf8')).toBe('{"kept": true}');
    await store.close();

    const again: string[] = [];
    const reopened = storeIn(dir, again);
    expect((await reopened.load()).map((saved) => saved.id)).toEqual(['x1', 'x2']);
    expect(again).toEqual([]);
  });

  it('does not import twice when the last start stopped before the old file was moved aside', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'watch-list.json'), oldFile([record('x1', 1)]));
    const first = storeIn(dir, []);
    await first.load();
    await first.save({ upserted: [], removed: ['x1'] });
    await first.close();
    await writeFile(join(dir, 'watch-list.json'), oldFile([record('x1', 1)]));
    const problems: string[] = [];
    const store = storeIn(dir, problems);
    expect(await store.load()).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/watch-list\.json was imported before; it was moved to .*imported-/);
  });
});
