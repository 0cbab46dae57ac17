import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFileSettingsStore, JsonFileWatchListStore } from '../../../electron/host/file-stores';
import { DEFAULT_PREFERENCES } from '../../../electron/host/preferences';
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

describe('the settings file', () => {
  it('keeps engine settings and preferences for the next run', async () => {
    const store = new JsonFileSettingsStore(dir, report);
    expect(await store.load()).toEqual({ engine: {}, preferences: DEFAULT_PREFERENCES });
    await store.save({ engine: { rateCapPerSecond: 5 } });
    await store.save({ preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' } });
    await store.save({ engine: { baseUrl: 'https://example.test' } });
    expect(await new JsonFileSettingsStore(dir, report).load()).toEqual({
      engine: { rateCapPerSecond: 5, baseUrl: 'https://example.test' },
      preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' },
    });
  });

  it('keeps only known values from a hand-edited file', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({
        version: 1,
        engine: { rateCapPerSecond: 'fast', concurrency: 3, authMethod: 'telepathy', extra: true },
        preferences: { theme: 'neon', language: 'uk', notify: { delivered: false, failed: 'yes' } },
      }),
    );
    expect(await new JsonFileSettingsStore(dir, report).load()).toEqual({
      engine: { concurrency: 3 },
      preferences: {
        theme: 'system',
        language: 'uk',
        notify: { delivered: false, failed: true, overdue: true },
      },
    });
  });

  it('moves a file of the wrong shape aside and uses the defaults', async () => {
    await writeFile(join(dir, 'settings.json'), '[1, 2, 3]');
    expect(await new JsonFileSettingsStore(dir, report).load()).toEqual({
      engine: {},
      preferences: DEFAULT_PREFERENCES,
    });
    expect(problems[0]).toMatch(/does not hold what the monitor saves there/);
  });
});
