import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFileWatchListStore } from '../../../electron/host/file-stores';
import { freshMessage } from '../../fakes/message-views';
import { tempDir } from './host-test-kit';

let dir: string;
let problems: string[];

beforeEach(async () => {
  dir = await tempDir();
  problems = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const report = (message: string): void => {
  problems.push(message);
};

describe('the watch list file', () => {
  it('keeps every saved message for the next run, and leaves no temporary files', async () => {
    const store = new JsonFileWatchListStore(dir, report);
    expect(await store.load()).toEqual([]);
    const a = { ...freshMessage('a', 1, 'x'), acknowledged: false };
    const b = { ...freshMessage('b', 2), acknowledged: true };
    await Promise.all([
      store.save({ upserted: [a], removed: [] }),
      store.save({ upserted: [b], removed: [] }),
    ]);
    await store.save({ upserted: [], removed: ['a'] });
    const next = new JsonFileWatchListStore(dir, report);
    expect(await next.load()).toEqual([b]);
    expect(await readdir(dir)).toEqual(['watch-list.json']);
    expect(problems).toEqual([]);
  });

  it('moves a corrupt file aside with a clear message and starts empty', async () => {
    await writeFile(join(dir, 'watch-list.json'), '{"version": 1, "messages": [tru');
    const store = new JsonFileWatchListStore(dir, report);
    expect(await store.load()).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /watch-list\.json could not be read \(it is not valid JSON\); it was moved to .*corrupt/,
    );
    const files = await readdir(dir);
    expect(files.some((name) => name.startsWith('watch-list.json.corrupt-'))).toBe(true);
    const kept = files.find((name) => name.includes('corrupt')) ?? '';
    expect(await readFile(join(dir, kept), 'utf8')).toBe('{"version": 1, "messages": [tru');
  });
});
