import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractResult, ListedFeedItem, ListedMessage } from '../../../shared/contract';
import { startSimulator } from '../../../electron/core/simulator';
import type { StandInRecord } from '../../fakes/electron-stand-in/recorder';
import { LaunchedApp } from '../../fakes/electron-stand-in/driver';
import { ensureBuiltApp } from './built-app';

/**
 * The built desktop app (out/main, out/preload) under plain Node with Electron's API replaced by the recording
 * stand-in, driven through a whole session against the real SMSBAT simulator on 127.0.0.1.
 */

type Sim = Awaited<ReturnType<typeof startSimulator>>;
let sim: Sim;
let configHome: string;
let app: LaunchedApp;
const launched: LaunchedApp[] = [];
const HOUR = 3_600_000;

function launch(): LaunchedApp {
  const started = new LaunchedApp({
    XDG_CONFIG_HOME: configHome,
    SMSBAT_API_KEY: sim.simulator.credentials.apiKey,
    SMSBAT_BASE_URL: sim.url,
    // Whatever the product is called, the data folder is the one the browser host uses.
    ELECTRON_STAND_IN_PRODUCT_NAME: 'SMSBAT Delivery Monitor',
  });
  launched.push(started);
  return started;
}

const dataDir = (): string => join(configHome, 'smsbat-delivery-monitor');

interface BridgeEvent {
  readonly windowId: number;
  readonly url: string;
  readonly event: string;
  readonly payload: unknown;
}

function bridgeEvents(records: readonly StandInRecord[], event?: string): BridgeEvent[] {
  return records
    .filter((entry) => entry.api === 'bridge.event')
    .map((entry) => entry.data as BridgeEvent)
    .filter((data) => event === undefined || data.event === event);
}

/** The latest view of a message that arrived through the bridge's feed. */
function latest(records: readonly StandInRecord[], id: string): ListedMessage | undefined {
  let found: ListedMessage | undefined;
  for (const { payload } of bridgeEvents(records, 'feed')) {
    const item = payload as ListedFeedItem;
    const messages = item.type === 'snapshot' ? item.snapshot.messages : item.change.upserted;
    found = messages.find((message) => message.id === id) ?? found;
  }
  return found;
}

interface TrayChange {
  readonly api: string;
  readonly data: {
    readonly image?: { readonly source: string };
    readonly toolTip?: string;
    readonly items?: readonly { readonly label?: string }[];
  };
}

/** The tray's latest icon file name, tooltip and menu labels, from the records. */
function trayNow(records: readonly StandInRecord[]): { icon: string; tooltip: string; labels: string[] } {
  let icon = '';
  let tooltip = '';
  let labels: string[] = [];
  for (const entry of records as readonly TrayChange[]) {
    if (entry.api === 'Tray.constructor' || entry.api === 'Tray.setImage')
      icon = entry.data.image?.source.split('/').at(-1) ?? '';
    if (entry.api === 'Tray.setToolTip') tooltip = entry.data.toolTip ?? '';
    if (entry.api === 'Tray.setContextMenu')
      labels = (entry.data.items ?? []).flatMap((item) => item.label ?? []);
  }
  return { icon, tooltip, labels };
}

interface ShownNotification {
  readonly index: number;
  readonly title: string;
  readonly body: string;
}

function shownNotifications(records: readonly StandInRecord[]): ShownNotification[] {
  return records
    .filter((entry) => entry.api === 'Notification.show')
    .map((entry) => entry.data as ShownNotification);
}

/** Every file in a folder and below it. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

function requestsFor(id: string): number {
  return sim.simulator.requests().filter((request) => request.messageId === id).length;
}

beforeAll(async () => {
  ensureBuiltApp();
  sim = await startSimulator({ host: '127.0.0.1', port: 0, seed: 5 });
  const long = Date.now() - 2 * HOUR;
  for (const id of [
    'undeliverable-s1',
    'undeliverable-s6',
    'fast-s2',
    'stuck-s3',
    'fast-s4',
    'fast-s5',
    'fast-s7',
    'stuck-s8',
  ])
    sim.simulator.markSent(id, long);
  configHome = await mkdtemp(join(tmpdir(), 'smsbat-desktop-'));
  app = launch();
}, 180_000);

afterAll(async () => {
  for (const started of launched) started.kill();
  await sim.close();
  await rm(configHome, { recursive: true, force: true });
});

describe('the desktop app, built, under the Electron stand-in', () => {
  it('starts: one instance, the scheme, the data folder, and a window showing app://monitor/', async () => {
    await app.waitFor('the page to load', (records) =>
      records.find((entry) => entry.api === 'webContents.did-finish-load'),
    );
    const order = (api: string): number => app.calls(api)[0]?.seq ?? -1;
    expect(order('protocol.registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(order('protocol.registerSchemesAsPrivileged')).toBeLessThan(order('app.ready'));
    expect(order('app.requestSingleInstanceLock')).toBeLessThan(order('app.ready'));
    expect(app.calls('app.setPath')[0]?.data).toEqual({ name: 'userData', path: dataDir() });
    expect(app.calls('protocol.registerSchemesAsPrivileged')[0]?.data).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const page = app.calls('page.loaded')[0]?.data as {
      url: string;
      headers: Record<string, string>;
      assets: { url: string; status: number }[];
    };
    expect(page.url).toBe('app://monitor/');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('ws:');
    expect(page.assets.length).toBeGreaterThan(0);
    expect(page.assets.every((asset) => asset.status === 200)).toBe(true);
    await app.waitFor('the window to show', (records) =>
      records.find((entry) => entry.api === 'BrowserWindow.show'),
    );
    expect(app.calls('Menu.setApplicationMenu')).toHaveLength(1);
    expect(JSON.stringify(app.calls('Menu.setApplicationMenu')[0]?.data)).toContain('"role":"paste"');
    await expect(stat(join(dataDir(), 'monitor.lock'))).resolves.toBeTruthy();
  });

  it('puts the monitor in the tray at start: nothing watched yet, with a tooltip', async () => {
    const tray = await app.waitFor('the tray', (records) => {
      const now = trayNow(records);
      return now.tooltip === '' ? undefined : now;
    });
    expect(app.calls('Tray.constructor')).toHaveLength(1);
    expect(tray.icon).toBe('empty.png');
    expect(tray.tooltip).toContain('SMSBAT Monitor');
    expect(tray.labels).toContain('Quit SMSBAT Monitor');
  });

  it('serves nothing outside the built window on its scheme', async () => {
    for (const url of [
      'app://monitor/%2e%2e/%2e%2e/package.json',
      'app://monitor/..%2f..%2fpackage.json',
      'app://other/index.html',
    ]) {
      expect(await app.command({ op: 'fetchScheme', url }), url).toMatchObject({ status: 404 });
    }
    expect(await app.command({ op: 'fetchScheme', url: 'app://monitor/', method: 'POST' })).toMatchObject({
      status: 405,
    });
  });

  it('takes ids through the bridge, and statuses come back through its events', async () => {
    expect(await app.bridge('getConnection')).toMatchObject({ ok: true, value: { source: 'environment' } });
    const watched = await app.bridge<ContractResult<'watch'>>('watch', {
      messageIds: ['fast-s2', 'stuck-s3'],
    });
    expect(watched).toMatchObject({ ok: true, value: { added: ['fast-s2', 'stuck-s3'] } });
    await app.waitFor('the delivery in the feed', (records) =>
      latest(records, 'fast-s2')?.snapshot?.kind === 'delivered' ? true : undefined,
    );
    await app.waitFor('its notification', (records) =>
      shownNotifications(records).find((shown) => shown.title === 'Delivered'),
    );
  });

  it('shows failures that come together as one native notification, and the tray counts them', async () => {
    const before = app.records.length;
    // Added while paused, then a wake from sleep: both are checked at once when checking resumes.
    await app.bridge('pause');
    await app.bridge('watch', { messageIds: ['undeliverable-s1', 'undeliverable-s6'] });
    await app.bridge('resume');
    await app.command({ op: 'emit', target: 'powerMonitor', event: 'resume' });
    for (const id of ['undeliverable-s1', 'undeliverable-s6'])
      await app.waitFor(`${id} failed in the feed`, (records) =>
        latest(records, id)?.snapshot?.kind === 'failed' ? true : undefined,
      );
    await app.waitFor('the notification', (records) => shownNotifications(records.slice(before))[0]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const shown = shownNotifications(app.records.slice(before));
    expect(shown, JSON.stringify(shown)).toHaveLength(1);
    expect(shown[0]?.title).toBe('2 messages changed');
    expect(shown[0]?.body).toContain('2 failed');
    expect(bridgeEvents(app.records, 'notification')).toEqual([]);
    expect(await app.command({ op: 'permission', kind: 'check', permission: 'notifications' })).toBe(false);
    expect(await app.command({ op: 'permission', kind: 'request', permission: 'notifications' })).toBe(false);
    const tray = await app.waitFor('the failed tray', (records) => {
      const now = trayNow(records);
      return now.icon === 'failed.png' ? now : undefined;
    });
    expect(tray.tooltip).toMatch(/^2 failed · /);
  });

  it('opens the window on what a clicked notification reported, through the preload', async () => {
    await app.command({ op: 'closeWindow' });
    const before = app.records.length;
    const [summary] = shownNotifications(app.records).filter((shown) => shown.title === '2 messages changed');
    await app.command({ op: 'clickNotification', index: summary?.index ?? -1 });
    const reveal = await app.waitFor(
      'the reveal',
      (records) => bridgeEvents(records.slice(before), 'reveal')[0],
    );
    expect(reveal.payload).toMatchObject({
      filter: { buckets: expect.arrayContaining(['failed']) as unknown },
    });
    const state = (await app.command({ op: 'state' })) as { windows: { visible: boolean }[] };
    expect(state.windows[0]?.visible).toBe(true);
  });

  it('pauses and resumes checking from the tray menu, whose label follows', async () => {
    expect(await app.command({ op: 'clickMenu', tray: 0, label: 'Pause checking' })).toBe(true);
    await app.waitFor('the menu to offer resuming', (records) =>
      trayNow(records).labels.includes('Resume checking') ? true : undefined,
    );
    const paused = await app.bridge<ContractResult<'snapshot'>>('snapshot');
    expect(paused.ok && paused.value.health.mode).toBe('paused');
    expect(trayNow(app.records).tooltip).toContain('Paused');
    expect(await app.command({ op: 'clickMenu', tray: 0, label: 'Resume checking' })).toBe(true);
    await app.waitFor('the menu to offer pausing', (records) =>
      trayNow(records).labels.includes('Pause checking') ? true : undefined,
    );
  });

  it('adds the ids in the clipboard from the tray menu', async () => {
    await app.command({ op: 'setClipboard', text: 'fast-s7\nstuck-s8' });
    expect(await app.command({ op: 'clickMenu', tray: 0, label: 'Add IDs from the clipboard' })).toBe(true);
    await app.waitFor('the clipboard ids in the feed', (records) =>
      latest(records, 'fast-s7') !== undefined && latest(records, 'stuck-s8') !== undefined
        ? true
        : undefined,
    );
  });

  it('keeps feeding the page after a refused navigation, and feeds a reloaded page once', async () => {
    expect(await app.command({ op: 'navigate', url: 'https://evil.example/' })).toBe(false);
    await app.bridge('watch', { messageIds: ['fast-s4'] });
    await app.waitFor('a change after the refused navigation', (records) =>
      latest(records, 'fast-s4')?.snapshot?.kind === 'delivered' ? true : undefined,
    );
    const before = app.records.length;
    await app.command({ op: 'reload' });
    await app.waitFor('the reloaded page to get a snapshot', (records) =>
      bridgeEvents(records.slice(before), 'feed').find(
        (event) => (event.payload as ListedFeedItem).type === 'snapshot',
      ),
    );
    await app.bridge('watch', { messageIds: ['fast-s5'] });
    await app.waitFor('fast-s5 delivered', (records) =>
      latest(records.slice(before), 'fast-s5')?.snapshot?.kind === 'delivered' ? true : undefined,
    );
    const versions = bridgeEvents(app.records.slice(before), 'feed')
      .map((event) => event.payload as ListedFeedItem)
      .flatMap((item) => (item.type === 'change' ? [item.change.version] : []));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('denies permissions and new windows; only SMSBAT https pages go to the browser', async () => {
    expect(await app.command({ op: 'permission', kind: 'request', permission: 'geolocation' })).toBe(false);
    expect(await app.command({ op: 'permission', kind: 'check', permission: 'media' })).toBe(false);
    expect(
      await app.command({ op: 'permission', kind: 'check', permission: 'clipboard-sanitized-write' }),
    ).toBe(true);
    expect(await app.command({ op: 'openWindow', url: 'https://evil.example/' })).toBe('deny');
    expect(await app.command({ op: 'openWindow', url: 'http://smsbat.com/' })).toBe('deny');
    expect(await app.command({ op: 'openWindow', url: 'https://smsbat.com/uk/' })).toBe('deny');
    await app.waitFor('the allowed link to open', (records) =>
      records.find((entry) => entry.api === 'shell.openExternal'),
    );
    expect(app.calls('shell.openExternal').map((entry) => (entry.data as { url: string }).url)).toEqual([
      'https://smsbat.com/uk/',
    ]);
  });

  it('wakes from sleep without lifting a pause the person set', async () => {
    await app.bridge('pause');
    await app.command({ op: 'emit', target: 'powerMonitor', event: 'resume' });
    const asked = requestsFor('stuck-s3');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const snapshot = await app.bridge<ContractResult<'snapshot'>>('snapshot');
    expect(snapshot.ok && snapshot.value.health.mode).toBe('paused');
    expect(requestsFor('stuck-s3')).toBe(asked);
    await app.bridge('resume');
  });

  it('hides the window on close instead of quitting', async () => {
    await app.command({ op: 'closeWindow' });
    const state = (await app.command({ op: 'state' })) as {
      windows: { visible: boolean; destroyed: boolean }[];
    };
    expect(state.windows).toEqual([expect.objectContaining({ visible: false, destroyed: false })]);
    // The click test closed it once before: the hint was shown then, and only then.
    expect(app.calls('BrowserWindow.hide')).toHaveLength(2);
    const hints = shownNotifications(app.records).filter(
      (shown) => shown.title === 'SMSBAT Monitor is still running',
    );
    expect(hints).toHaveLength(1);
    expect(hints[0]?.body).toContain('Quit');
  });

  it('refuses a second launch on the same data folder, which shows the first window instead', async () => {
    const second = launch();
    const exit = await second.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(second.calls('app.requestSingleInstanceLock')[0]?.data).toMatchObject({ got: false });
    expect(second.calls('BrowserWindow.constructor')).toEqual([]);
    await app.waitFor('the first window to show again', (records) =>
      records.find((entry) => entry.api === 'app.second-instance')
        ? records.find((entry) => entry.api === 'BrowserWindow.focus')
        : undefined,
    );
    const state = (await app.command({ op: 'state' })) as { windows: { visible: boolean }[] };
    expect(state.windows[0]?.visible).toBe(true);
  });

  it('re-checks at once when the screen is unlocked, not when the next check was due', async () => {
    const lastWake = Date.now();
    // Failed checks (the connection drops) push the message's next check further out.
    sim.simulator.setFaults({ resetRate: 1 });
    let nextCheckAt = 0;
    for (let tries = 0; nextCheckAt - Date.now() < 8_000; tries += 1) {
      expect(tries, 'the next check never moved 8 s away').toBeLessThan(120);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const snapshot = await app.bridge<ContractResult<'snapshot'>>('snapshot');
      const stuck = snapshot.ok
        ? snapshot.value.messages.find((message) => message.id === 'stuck-s3')
        : undefined;
      nextCheckAt = stuck?.schedule?.nextCheckAt ?? 0;
    }
    sim.simulator.setFaults({});
    // Wakes closer together than 10 s are one; the last one was the pause's.
    const wait = Math.max(0, lastWake + 10_500 - Date.now());
    expect(nextCheckAt - Date.now() - wait, 'the next check is far enough away to tell').toBeGreaterThan(
      3_000,
    );
    await new Promise((resolve) => setTimeout(resolve, wait));
    const asked = requestsFor('stuck-s3');
    await app.command({ op: 'emit', target: 'powerMonitor', event: 'unlock-screen' });
    await app.waitFor(
      'a check right after waking',
      () => (requestsFor('stuck-s3') > asked ? true : undefined),
      10_000,
    );
    const answered = sim.simulator
      .requests()
      .filter((request) => request.messageId === 'stuck-s3')
      .at(-1);
    expect(answered?.status).toBe(200);
    expect(answered?.at ?? Infinity).toBeLessThan(nextCheckAt - 1_000);
  }, 90_000);

  it('keeps connected credentials in memory where no keychain answers, and never in a file', async () => {
    const apiKey = sim.simulator.credentials.apiKey;
    const connected = await app.bridge('connect', {
      baseUrl: sim.url,
      credentials: { method: 'api-key-header', apiKey },
    });
    expect(connected).toMatchObject({ ok: true });
    await app.waitFor('the one line about the keychain', () =>
      app.output.includes('No OS keychain answered') ? true : undefined,
    );
    expect(app.output.split('No OS keychain answered')).toHaveLength(2);
    expect(app.output).not.toContain(apiKey);
    for (const file of await filesIn(dataDir()))
      expect((await readFile(file)).includes(apiKey), file).toBe(false);
  });

  it('quits from the tray menu: saves everything, releases the data folder and exits', async () => {
    expect(await app.command({ op: 'clickMenu', tray: 0, label: 'Quit SMSBAT Monitor' })).toBe(true);
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.calls('dialog.showErrorBox')).toEqual([]);
    expect(app.calls('app.exit')).toEqual([expect.objectContaining({ data: { exitCode: 0 } })]);
    await expect(stat(join(dataDir(), 'monitor.lock'))).rejects.toThrow();
  });

  it('started again on the same data folder, has every id and goes on checking by itself', async () => {
    const again = launch();
    const ids = [
      'undeliverable-s1',
      'undeliverable-s6',
      'fast-s2',
      'stuck-s3',
      'fast-s4',
      'fast-s5',
      'fast-s7',
      'stuck-s8',
    ];
    await again.waitFor('the saved list in the feed', (records) =>
      ids.every((id) => latest(records, id) !== undefined) ? true : undefined,
    );
    const asked = requestsFor('stuck-s3') + requestsFor('stuck-s8');
    await again.waitFor(
      'a check without being asked',
      () => (requestsFor('stuck-s3') + requestsFor('stuck-s8') > asked ? true : undefined),
      20_000,
    );
    const snapshot = await again.bridge<ContractResult<'snapshot'>>('snapshot');
    expect(snapshot.ok && snapshot.value.health.mode).not.toBe('paused');
    await again.command({ op: 'quit' });
    expect(await again.exited).toEqual({ code: 0, signal: null });
  }, 40_000);
});
