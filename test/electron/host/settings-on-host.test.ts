import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_SETTINGS } from '../../../shared/engine-settings';
import { startSimulator } from '../../../electron/core/simulator';
import { dispatch } from '../../../electron/host/dispatch';
import { startHostServices, type HostServices } from '../../../electron/host/host-services';
import { DEFAULT_PREFERENCES } from '../../../electron/host/preferences';
import { createRestartableHostEngine } from '../../../electron/host/restartable-engine';
import type { SettingsStore } from '../../../electron/host/settings-store';
import { startServicesKit, tempDir, type ServicesKit } from './host-test-kit';
import { makeReadOnly, makeWritable } from './read-only-dir';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function kitInReadOnlyFolderLater(): Promise<ServicesKit> {
  const kit = await startServicesKit();
  cleanups.push(() => kit.close());
  return kit;
}

async function readOnly(dir: string): Promise<void> {
  await makeReadOnly(dir);
  cleanups.push(() => makeWritable(dir));
}

async function hostOnRealEngine(
  dataDir: string,
  problems: string[],
  openSettingsStore?: () => SettingsStore,
): Promise<HostServices> {
  const services = await startHostServices({
    dataDir,
    ...(openSettingsStore === undefined ? {} : { openSettingsStore }),
    env: {},
    createEngine: createRestartableHostEngine,
    onProblem: (message) => problems.push(message),
  });
  cleanups.push(() => services.stop());
  return services;
}

async function freshDir(): Promise<string> {
  const dir = await tempDir();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('a change the host could not save', () => {
  it('is answered with a "not saved" error, and the window is given the preferences that are saved', async () => {
    const kit = await kitInReadOnlyFolderLater();
    const { handlers } = kit.services;
    await readOnly(kit.dataDir);
    const answer = await dispatch(handlers, 'updatePreferences', { preferences: { theme: 'dark' } });
    expect(answer).toMatchObject({
      ok: false,
      error: { kind: 'not_saved', notSaved: { reason: 'read_only', folder: kit.dataDir } },
    });
    expect(answer.ok ? '' : answer.error.message).toMatch(
      /^Could not save the settings: the folder is read-only .*Make the folder writable/,
    );
    expect(await dispatch(handlers, 'getPreferences', {})).toEqual({ ok: true, value: DEFAULT_PREFERENCES });
  });

  it('leaves the engine on the settings it had when they could not be saved', async () => {
    const kit = await kitInReadOnlyFolderLater();
    const { handlers } = kit.services;
    const before = kit.engine.snapshot().settings;
    await readOnly(kit.dataDir);
    const answer = await dispatch(handlers, 'updateSettings', {
      settings: { concurrency: before.concurrency + 1 },
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { kind: 'not_saved', notSaved: { reason: 'read_only' } },
    });
    expect(kit.engine.snapshot().settings).toEqual(before);
    expect(await dispatch(handlers, 'getSettings', {})).toEqual({ ok: true, value: before });
  });
});

describe('signing in while the folder is read-only', () => {
  it('signs in, and says in the log that the base URL and sign-in method could not be kept', async () => {
    const simulator = await startSimulator({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => simulator.close());
    const kit = await kitInReadOnlyFolderLater();
    await readOnly(kit.dataDir);
    const connected = await dispatch(kit.services.handlers, 'connect', {
      baseUrl: simulator.url,
      credentials: { method: 'basic', username: 'demo', password: 'demo-password' },
    });
    expect(connected).toMatchObject({ ok: true, value: { signedInAs: 'user demo' } });
    expect(kit.problems.filter((problem) => problem.startsWith('Could not save the settings'))).toHaveLength(
      1,
    );
  });
});

describe('starting with a settings file the monitor cannot fully use', () => {
  it('drops a base URL the engine refuses, says so, and keeps the other settings', async () => {
    const dataDir = await freshDir();
    await writeFile(
      join(dataDir, 'settings.json'),
      JSON.stringify({
        version: 1,
        engine: { baseUrl: 'ftp://files.example.test', concurrency: 3 },
        preferences: {
          theme: 'dark',
          language: 'en',
          notify: { delivered: true, failed: true, overdue: true },
        },
      }),
    );
    const problems: string[] = [];
    const services = await hostOnRealEngine(dataDir, problems);
    const settings = services.engine.snapshot().settings;
    expect(settings.baseUrl).toBe(DEFAULT_ENGINE_SETTINGS.baseUrl);
    expect(settings.concurrency).toBe(3);
    expect(
      problems.filter((problem) => problem.includes('engine.baseUrl (The base URL must be')),
    ).toHaveLength(1);
    expect(await dispatch(services.handlers, 'getPreferences', {})).toMatchObject({
      value: { theme: 'dark' },
    });
    // Saved again without it.
    await dispatch(services.handlers, 'updatePreferences', { preferences: { theme: 'light' } });
    const file = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as { engine: object };
    expect(file.engine).toEqual({ concurrency: 3 });
  });

  it('starts even when the settings it is given hold a base URL the engine refuses', async () => {
    const dataDir = await freshDir();
    const problems: string[] = [];
    const given: SettingsStore = {
      current: {
        engine: { baseUrl: 'ftp://files.example.test', concurrency: 3 },
        preferences: DEFAULT_PREFERENCES,
      },
      save: () => Promise.resolve(),
    };
    const services = await hostOnRealEngine(dataDir, problems, () => given);
    expect(services.engine.snapshot().settings).toMatchObject({
      baseUrl: DEFAULT_ENGINE_SETTINGS.baseUrl,
      concurrency: 3,
    });
    expect(problems.filter((problem) => problem.startsWith('Saved settings were refused'))).toHaveLength(1);
  });

  it('starts with the defaults from a read-only folder holding a corrupt file, and says so', async () => {
    const dataDir = await freshDir();
    await writeFile(join(dataDir, 'settings.json'), '{"version": 1,');
    await readOnly(dataDir);
    const problems: string[] = [];
    const services = await hostOnRealEngine(dataDir, problems);
    expect(services.engine.snapshot().settings).toEqual(DEFAULT_ENGINE_SETTINGS);
    expect(
      problems.some((problem) => /settings\.json could not be read .*could not be moved aside/.test(problem)),
    ).toBe(true);
  });
});
