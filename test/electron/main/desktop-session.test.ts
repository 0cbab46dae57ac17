import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
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

function requestsFor(id: string): number {
  return sim.simulator.requests().filter((request) => request.messageId === id).length;
}

beforeAll(async () => {
  ensureBuiltApp();
  sim = await startSimulator({ host: '127.0.0.1', port: 0, seed: 5 });
  const long = Date.now() - 2 * HOUR;
  for (const id of ['undeliverable-s1', 'fast-s2', 'stuck-s3', 'fast-s4', 'fast-s5'])
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
      messageIds: ['undeliverable-s1', 'fast-s2', 'stuck-s3'],
    });
    expect(watched).toMatchObject({
      ok: true,
      value: { added: ['undeliverable-s1', 'fast-s2', 'stuck-s3'] },
    });
    await app.waitFor('the failure in the feed', (records) =>
      latest(records, 'undeliverable-s1')?.snapshot?.kind === 'failed' ? true : undefined,
    );
    await app.waitFor('the delivery in the feed', (records) =>
      latest(records, 'fast-s2')?.snapshot?.kind === 'delivered' ? true : undefined,
    );
  });

  it('shows a failure as exactly one native notification, and the window is not asked to show it too', async () => {
    await app.waitFor('the notification', (records) =>
      records.find(
        (entry) => entry.api === 'Notification.show' && (entry.data as { title: string }).title === 'Failed',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const failed = app
      .calls('Notification.show')
      .filter((entry) => (entry.data as { title: string }).title === 'Failed');
    expect(failed).toHaveLength(1);
    expect(bridgeEvents(app.records, 'notification')).toEqual([]);
    expect(await app.command({ op: 'permission', kind: 'check', permission: 'notifications' })).toBe(false);
    expect(await app.command({ op: 'permission', kind: 'request', permission: 'notifications' })).toBe(false);
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
    expect(app.calls('BrowserWindow.hide')).toHaveLength(1);
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

  it('quits: saves everything, releases the data folder and exits', async () => {
    await app.command({ op: 'quit' });
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.calls('dialog.showErrorBox')).toEqual([]);
    expect(app.calls('app.exit')).toEqual([expect.objectContaining({ data: { exitCode: 0 } })]);
    const saved = await readFile(join(dataDir(), 'watch-list.json'), 'utf8');
    for (const id of ['undeliverable-s1', 'fast-s2', 'stuck-s3', 'fast-s4', 'fast-s5'])
      expect(saved).toContain(id);
    await expect(stat(join(dataDir(), 'monitor.lock'))).rejects.toThrow();
  });
});
