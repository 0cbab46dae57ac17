import { copyFile, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../electron/host/preferences';
import { openConfSettingsStore } from '../../../electron/host/settings-open';
import { openElectronSettingsStore } from '../../../electron/main/electron-settings-store';
import { tempDir } from '../host/host-test-kit';

// electron-store reads `app` and `ipcMain` from Electron only to find a default folder and version; the store is
// always given both, so Electron itself stays out of this test and electron-store and conf are the real ones.
vi.mock('electron', () => ({ default: {} }));

let dir: string;
const problems: string[] = [];

beforeEach(async () => {
  dir = await tempDir();
  problems.length = 0;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const report = (message: string): void => {
  problems.push(message);
};

describe('the Electron host and the browser host share one settings file', () => {
  it('what one saves the other reads, from settings.json in the data directory', async () => {
    const electron = openElectronSettingsStore(dir, report);
    await electron.save({
      engine: { concurrency: 2 },
      preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' },
    });
    expect(await readdir(dir)).toEqual(['settings.json']);
    const browser = openConfSettingsStore(dir, report);
    expect(browser.current).toEqual(electron.current);
    await browser.save({ engine: { rateCapPerSecond: 3 } });
    expect(openElectronSettingsStore(dir, report).current).toEqual({
      engine: { concurrency: 2, rateCapPerSecond: 3 },
      preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' },
    });
    expect(problems).toEqual([]);
  });

  it('reads settings saved in format 1 the same way', async () => {
    await copyFile(
      join(import.meta.dirname, '../host/fixtures/settings-v1.json'),
      join(dir, 'settings.json'),
    );
    const electron = openElectronSettingsStore(dir, report).current;
    expect(electron.preferences).toEqual({
      theme: 'dark',
      language: 'uk',
      notify: { delivered: false, failed: true, overdue: false },
    });
    expect(openConfSettingsStore(dir, report).current).toEqual(electron);
    const file = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ version: 2, __internal__: { migrations: { version: '2.0.0' } } });
  });
});
