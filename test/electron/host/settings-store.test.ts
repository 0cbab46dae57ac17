import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../electron/host/preferences';
import { openConfSettingsStore, openSettingsStore } from '../../../electron/host/settings-open';
import { migrateInMemory, migrateToVersion2 } from '../../../electron/host/settings-schema';
import { saveFailureReason, SettingsNotSavedError } from '../../../electron/host/settings-store';
import { tempDir } from './host-test-kit';
import { makeReadOnly, makeWritable } from './read-only-dir';

const FIXTURE_V1 = join(import.meta.dirname, 'fixtures', 'settings-v1.json');

/** Everything the version 1 fixture holds, as the monitor reads it. */
const FIXTURE_SETTINGS = {
  engine: {
    rateCapPerSecond: 7,
    concurrency: 3,
    watchWindowMs: 86_400_000,
    firstIntervalMs: 4000,
    baseUrl: 'http://127.0.0.1:9',
    authMethod: 'basic-api-key',
  },
  preferences: { theme: 'dark', language: 'uk', notify: { delivered: false, failed: true, overdue: false } },
};

let dir: string;
let problems: string[];
let readOnly: boolean;

beforeEach(async () => {
  dir = await tempDir();
  problems = [];
  readOnly = false;
});

afterEach(async () => {
  if (readOnly) await makeWritable(dir);
  await rm(dir, { recursive: true, force: true });
});

const report = (message: string): void => {
  problems.push(message);
};

const settingsPath = (): string => join(dir, 'settings.json');

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

describe('the settings file', () => {
  it('keeps engine settings and preferences for the next run, in settings.json in the data directory', async () => {
    const store = openConfSettingsStore(dir, report);
    expect(store.current).toEqual({ engine: {}, preferences: DEFAULT_PREFERENCES });
    await store.save({ engine: { rateCapPerSecond: 5 } });
    await store.save({ preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' } });
    await store.save({ engine: { baseUrl: 'https://example.test' } });
    expect(openConfSettingsStore(dir, report).current).toEqual({
      engine: { rateCapPerSecond: 5, baseUrl: 'https://example.test' },
      preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' },
    });
    expect(await readdir(dir)).toEqual(['settings.json']);
    expect((await stat(settingsPath())).mode & 0o777).toBe(0o600);
    expect(problems).toEqual([]);
  });

  it('keeps only known values from a hand-edited file, and says which it left out', async () => {
    await writeFile(
      settingsPath(),
      JSON.stringify({
        version: 1,
        engine: { rateCapPerSecond: 'fast', concurrency: 3, authMethod: 'telepathy', extra: true },
        preferences: { theme: 'neon', language: 'uk', notify: { delivered: false, failed: 'yes' } },
      }),
    );
    expect(openConfSettingsStore(dir, report).current).toEqual({
      engine: { concurrency: 3 },
      preferences: {
        theme: 'system',
        language: 'uk',
        notify: { delivered: false, failed: true, overdue: true },
      },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe(
      `${settingsPath()} holds values the monitor cannot use; it uses the defaults for them: ` +
        'engine.rateCapPerSecond (The rate cap (requests per second) must be a number from 0.1 to 50); ' +
        'engine.authMethod (Auth method must be one of api-key-header, basic, basic-api-key); engine.extra; ' +
        'preferences.theme; preferences.notify.failed.',
    );
  });
});

describe('settings saved before this version (format 1)', () => {
  it('loads a real format 1 file with every field to the same settings and preferences', async () => {
    await copyFile(FIXTURE_V1, settingsPath());
    expect(openConfSettingsStore(dir, report).current).toEqual(FIXTURE_SETTINGS);
    expect(problems).toEqual([]);
  });

  it('rewrites it once as format 2, with conf recording the same version, and keeps every value', async () => {
    await copyFile(FIXTURE_V1, settingsPath());
    openConfSettingsStore(dir, report);
    const file = await readJson(settingsPath());
    expect(file).toEqual({
      version: 2,
      ...FIXTURE_SETTINGS,
      __internal__: { migrations: { version: '2.0.0' } },
    });
    // A second start finds nothing to migrate and reads the same.
    expect(openConfSettingsStore(dir, report).current).toEqual(FIXTURE_SETTINGS);
    expect(await readJson(settingsPath())).toEqual(file);
  });

  it('the step to format 2 keeps what a file holds and fills in what is missing', () => {
    const v1 = { version: 1, engine: { concurrency: 2 }, preferences: { theme: 'light' } };
    expect(migrateToVersion2(v1)).toEqual({ ...v1, version: 2 });
    expect(migrateToVersion2({})).toEqual({ version: 2, engine: {}, preferences: DEFAULT_PREFERENCES });
    expect(migrateInMemory(v1)).toEqual({ ...v1, version: 2 });
    expect(migrateInMemory({ ...v1, version: 2, engine: {} })).toEqual({ ...v1, version: 2, engine: {} });
  });
});

describe('a settings file that cannot be used', () => {
  const cases: readonly (readonly [string, () => Promise<void>, RegExp])[] = [
    ['not JSON', () => writeFile(settingsPath(), '{"version": 1, "engine": {tru'), /it is not valid JSON/],
    [
      'the wrong shape',
      () => writeFile(settingsPath(), '[1, 2, 3]'),
      /it does not hold what the monitor saves there/,
    ],
    [
      'a newer format',
      () => writeFile(settingsPath(), JSON.stringify({ version: 3, engine: {}, preferences: {} })),
      /`version` must be <= 2/,
    ],
    ['a folder', () => mkdir(settingsPath()), /it is a folder, not a file/],
  ];

  for (const [what, write, reason] of cases) {
    it(`is moved aside with a clear message when it is ${what}, and the monitor starts with the defaults`, async () => {
      await write();
      const before = await readdir(dir);
      const store = openConfSettingsStore(dir, report);
      expect(store.current).toEqual({ engine: {}, preferences: DEFAULT_PREFERENCES });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(reason);
      const moved = (await readdir(dir)).filter((name) => name.startsWith('settings.json.corrupt-'));
      expect(before).toEqual(['settings.json']);
      expect(moved).toHaveLength(1);
      expect(problems[0]).toContain(join(dir, moved[0] ?? ''));
      await store.save({ preferences: { ...DEFAULT_PREFERENCES, theme: 'light' } });
      expect(openConfSettingsStore(dir, report).current.preferences.theme).toBe('light');
    });
  }

  it('keeps what was in the file, byte for byte, beside it', async () => {
    await writeFile(settingsPath(), '[1, 2, 3]');
    openSettingsStore(
      dir,
      report,
      (options) => new Conf(options),
      () => Date.UTC(2026, 0, 2, 3, 4, 5),
    );
    expect(await readFile(join(dir, 'settings.json.corrupt-2026-01-02T03-04-05.000Z'), 'utf8')).toBe(
      '[1, 2, 3]',
    );
  });

  it('is moved aside when it cannot be read (permission denied)', async () => {
    await writeFile(settingsPath(), '{}');
    const denied = Object.assign(new Error(`EACCES: permission denied, open '${settingsPath()}'`), {
      code: 'EACCES',
    });
    let opened = 0;
    const store = openSettingsStore(dir, report, (options) => {
      opened += 1;
      if (opened === 1) throw denied;
      return new Conf(options);
    });
    expect(store.current).toEqual({ engine: {}, preferences: DEFAULT_PREFERENCES });
    expect(problems[0]).toMatch(
      /could not be read \(it cannot be read \(permission denied\)\); it was moved to/,
    );
  });

  it('in a read-only folder, does not stop the start: the defaults are used in memory and saving says why not', async () => {
    await writeFile(settingsPath(), 'not json');
    await makeReadOnly(dir);
    readOnly = true;
    const store = openConfSettingsStore(dir, report);
    expect(store.current).toEqual({ engine: {}, preferences: DEFAULT_PREFERENCES });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/could not be read \(it is not valid JSON\) and could not be moved aside/);
    const saving = store.save({ preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' } });
    await expect(saving).rejects.toBeInstanceOf(SettingsNotSavedError);
    await expect(saving).rejects.toMatchObject({ reason: 'read_only', folder: dir });
    expect(store.current.preferences).toEqual(DEFAULT_PREFERENCES);
    expect(await readFile(settingsPath(), 'utf8')).toBe('not json');
  });
});

describe('saving when the folder cannot be written', () => {
  it('rejects, and the settings stay what the file holds', async () => {
    const store = openConfSettingsStore(dir, report);
    await store.save({ engine: { concurrency: 2 }, preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' } });
    const onDisk = await readFile(settingsPath(), 'utf8');
    await makeReadOnly(dir);
    readOnly = true;
    const saving = store.save({
      engine: { concurrency: 4 },
      preferences: { ...DEFAULT_PREFERENCES, theme: 'light' },
    });
    await expect(saving).rejects.toThrow(/^Could not save the settings: the folder is read-only/);
    await expect(saving).rejects.toMatchObject({ reason: 'read_only' });
    expect(store.current).toEqual({
      engine: { concurrency: 2 },
      preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' },
    });
    expect(await readFile(settingsPath(), 'utf8')).toBe(onDisk);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('reads a format 1 file it cannot rewrite, says so, and keeps its values', async () => {
    await copyFile(FIXTURE_V1, settingsPath());
    await makeReadOnly(dir);
    readOnly = true;
    const store = openConfSettingsStore(dir, report);
    expect(store.current).toEqual(FIXTURE_SETTINGS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/was read but cannot be updated/);
    await expect(store.save({ engine: { concurrency: 1 } })).rejects.toMatchObject({ reason: 'read_only' });
    expect(store.current).toEqual(FIXTURE_SETTINGS);
  });
});

describe('why a save failed', () => {
  const withCode = (code: string): Error => Object.assign(new Error(code), { code });

  it('names a read-only folder, a full disk, or neither, from the error the file system gave', () => {
    for (const code of ['EROFS', 'EPERM', 'EACCES'])
      expect(saveFailureReason(withCode(code))).toBe('read_only');
    for (const code of ['ENOSPC', 'EDQUOT']) expect(saveFailureReason(withCode(code))).toBe('disk_full');
    for (const cause of [withCode('EIO'), new Error('no code'), null, 'text'])
      expect(saveFailureReason(cause)).toBe('other');
  });

  it('tells a person what to do about a full disk', () => {
    const error = new SettingsNotSavedError('/data/settings.json', withCode('ENOSPC'));
    expect(error.message).toMatch(
      /^Could not save the settings: the disk is full \(\/data\/settings\.json: ENOSPC\)\. Free some space on that disk, then/,
    );
    expect(error).toMatchObject({ reason: 'disk_full', folder: '/data' });
  });
});
