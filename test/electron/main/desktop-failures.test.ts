import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../electron/core/simulator';
import { LaunchedApp } from '../../fakes/electron-stand-in/driver';
import { mountTinyDisk } from '../host/tiny-disk';
import { ensureBuiltApp } from './built-app';

/** The built desktop app under the Electron stand-in, where something goes wrong: it says so and never hides. */

const ROOT = join(import.meta.dirname, '..', '..', '..');
type Sim = Awaited<ReturnType<typeof startSimulator>>;
let sim: Sim;
const cleanup: string[] = [];
const launched: LaunchedApp[] = [];

async function configHome(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smsbat-desktop-fail-'));
  cleanup.push(dir);
  return dir;
}

function launch(home: string, mainPath?: string, extra: Readonly<Record<string, string>> = {}): LaunchedApp {
  const started = new LaunchedApp(
    {
      XDG_CONFIG_HOME: home,
      SMSBAT_API_KEY: sim.simulator.credentials.apiKey,
      SMSBAT_BASE_URL: sim.url,
      ...extra,
    },
    mainPath,
  );
  launched.push(started);
  return started;
}

beforeAll(async () => {
  ensureBuiltApp();
  sim = await startSimulator({ host: '127.0.0.1', port: 0, seed: 9 });
}, 180_000);

afterEach(() => {
  for (const started of launched.splice(0)) started.kill();
});

afterAll(async () => {
  await sim.close();
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

describe('the desktop app when something goes wrong', () => {
  it('shows a start that failed in an error dialog naming the cause, and exits', async () => {
    const home = await configHome();
    // The data folder is in use by another live monitor (this test's process).
    await mkdir(join(home, 'smsbat-delivery-monitor'), { recursive: true });
    await writeFile(
      join(home, 'smsbat-delivery-monitor', 'monitor.lock'),
      JSON.stringify({ pid: process.pid, port: 4567, startedAt: Date.now() }),
    );
    const app = launch(home);
    expect(await app.exited).toEqual({ code: 1, signal: null });
    const [dialog] = app.calls('dialog.showErrorBox');
    expect(dialog?.data).toMatchObject({
      title: 'SMSBAT Delivery Monitor could not start',
      content: expect.stringContaining(`pid ${String(process.pid)} at http://127.0.0.1:4567`) as unknown,
    });
    expect(app.calls('BrowserWindow.constructor')).toEqual([]);
  });

  it('shows a window whose page failed to load instead of leaving it hidden', async () => {
    const copy = join(ROOT, 'out', 'without-window');
    cleanup.push(copy);
    await cp(join(ROOT, 'out', 'main'), join(copy, 'main'), { recursive: true });
    await cp(join(ROOT, 'out', 'preload'), join(copy, 'preload'), { recursive: true });
    const app = launch(await configHome(), join(copy, 'main', 'index.js'));
    await app.waitFor('the failed load', (records) =>
      records.find((entry) => entry.api === 'webContents.did-fail-load'),
    );
    await app.waitFor('the window to show', (records) =>
      records.find((entry) => entry.api === 'BrowserWindow.show'),
    );
    const state = (await app.command({ op: 'state' })) as { windows: { visible: boolean }[] };
    expect(state.windows[0]?.visible).toBe(true);
  });

  it('sends notifications to the window for its toasts where the system cannot show them', async () => {
    sim.simulator.markSent('undeliverable-t1', Date.now() - 3_600_000);
    const app = launch(await configHome(), undefined, { ELECTRON_STAND_IN_NOTIFICATIONS: 'unsupported' });
    await app.waitFor('the page to load', (records) =>
      records.find((entry) => entry.api === 'webContents.did-finish-load'),
    );
    await app.bridge('watch', { messageIds: ['undeliverable-t1'] });
    const event = (name: string) =>
      app
        .calls('bridge.event')
        .map((entry) => entry.data as { event: string; payload: unknown })
        .filter((data) => data.event === name);
    await app.waitFor('the notification in the window', () => event('notification')[0]);
    expect(event('capabilities')[0]?.payload).toEqual({ notifications: 'toasts' });
    expect(event('notification')[0]?.payload).toMatchObject({ messageIds: ['undeliverable-t1'] });
    expect(app.calls('Notification.show')).toEqual([]);
    expect(app.calls('Tray.constructor')).toHaveLength(1);
  });

  it('shows a last save that failed when quitting, then exits with an error', async () => {
    // The data folder is on a small disk that fills up while the app runs: the statuses it learns cannot be saved.
    const disk = await mountTinyDisk(2048);
    const app = launch(disk.path);
    try {
      await app.waitFor('the page to load', (records) =>
        records.find((entry) => entry.api === 'webContents.did-finish-load'),
      );
      await app.bridge('watch', { messageIds: ['fast-q1'] });
      await writeFile(join(disk.path, 'filler'), Buffer.alloc(64 * 1024 * 1024)).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      });
      await app.bridge('watch', { messageIds: ['fast-q2'] }).catch(() => undefined);
      await app.command({ op: 'quit' });
      expect(await app.exited).toEqual({ code: 1, signal: null });
      expect(
        app.calls('dialog.showErrorBox').map((entry) => (entry.data as { title: string }).title),
      ).toEqual(['The watch list was not saved']);
    } finally {
      app.kill();
      await disk.remove();
    }
  });
});
