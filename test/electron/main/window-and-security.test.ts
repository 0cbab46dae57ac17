import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App, BrowserWindow, MenuItemConstructorOptions } from 'electron';
import type { ContractEventMessage } from '../../../shared/contract';
import { APP_DIR_NAME } from '../../../electron/host/data-dir';
import { startBrowserHost } from '../../../electron/host/loopback/browser-host';
import { APP_USER_MODEL_ID, settleAppIdentity } from '../../../electron/main/app-identity';
import { appMenuTemplate } from '../../../electron/main/app-menu';
import { APP_SCHEME_HEADERS, appSchemePath, appSchemeResponse } from '../../../electron/main/app-scheme';
import { loginItemSettings } from '../../../electron/main/login-item';
import { isAllowedExternalUrl, permissionAllowed } from '../../../electron/main/security';
import { connectWindowFeed, forwardsToWindow } from '../../../electron/main/window-feed';
import { StandInBrowserWindow } from '../../fakes/electron-stand-in/browser-window';
import { startServicesKit } from '../host/host-test-kit';

let rendererDir: string;

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'smsbat-renderer-'));
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><script src="./assets/app.js"></script>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
});

afterAll(async () => {
  await rm(rendererDir, { recursive: true, force: true });
});

describe('the app:// scheme', () => {
  it('serves the built window with the strict headers', async () => {
    const page = await appSchemeResponse(new Request('app://monitor/'), rendererDir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(APP_SCHEME_HEADERS['content-security-policy']);
    const script = await appSchemeResponse(new Request('app://monitor/assets/app.js'), rendererDir);
    expect(await script.text()).toBe('console.log(1)');
  });

  it('serves nothing outside the folder, on another host, or for another method', async () => {
    for (const url of [
      'app://monitor/%2e%2e/secret.txt',
      'app://monitor/..%2F..%2Fsecret.txt',
      'app://monitor/%00.js',
      'app://evil/index.html',
      'file:///etc/passwd',
    ]) {
      expect((await appSchemeResponse(new Request(url), rendererDir)).status, url).toBe(404);
    }
    expect(
      (await appSchemeResponse(new Request('app://monitor/', { method: 'POST' }), rendererDir)).status,
    ).toBe(405);
    expect(appSchemePath('app://monitor/x/y.js')).toBe('/x/y.js');
    expect(appSchemePath('app://monitor.evil/')).toBeNull();
  });

  it("sends the browser host's policy without the browser host's WebSocket", async () => {
    const kit = await startServicesKit();
    const host = await startBrowserHost({
      handlers: kit.services.handlers,
      subscribe: (listener) => kit.services.subscribe(listener),
      rendererDir,
      port: 0,
    });
    try {
      const response = await fetch(host.url);
      const browserPolicy = response.headers.get('content-security-policy') ?? '';
      const withoutSocket = browserPolicy.replace(/ ws:\/\/[^ ;]+/g, '');
      expect(APP_SCHEME_HEADERS['content-security-policy']).toBe(withoutSocket);
    } finally {
      await host.close();
      await kit.close();
    }
  });
});

describe('the window feed', () => {
  const preferences: ContractEventMessage = {
    event: 'preferences',
    payload: { theme: 'dark', language: 'en', notify: { delivered: true, failed: true, overdue: true } },
  };
  const notification: ContractEventMessage = {
    event: 'notification',
    payload: {
      title: 'Failed',
      body: 'x',
      severity: 'error',
      messageIds: ['x'],
      kind: 'failed',
      items: [],
      counts: {},
    },
  };

  it('leaves notifications to the main process where the OS shows them, else sends them to the toasts', () => {
    expect(forwardsToWindow(preferences, { notifications: 'host' })).toBe(true);
    expect(forwardsToWindow(notification, { notifications: 'host' })).toBe(false);
    expect(forwardsToWindow(preferences, { notifications: 'toasts' })).toBe(true);
    expect(forwardsToWindow(notification, { notifications: 'toasts' })).toBe(true);
  });

  it('subscribes per loaded page: a refused navigation keeps it, a reload replaces it, closing ends it', async () => {
    const window = new StandInBrowserWindow({ show: false });
    const live = new Set<number>();
    let next = 0;
    const sent: ContractEventMessage[] = [];
    const subscribe = vi.fn((listener: (message: ContractEventMessage) => void) => {
      const id = next++;
      live.add(id);
      listener(preferences);
      listener(notification);
      return () => live.delete(id);
    });
    connectWindowFeed(window as unknown as BrowserWindow, subscribe, (message) => sent.push(message), {
      notifications: 'host',
    });
    window.webContents.on('will-navigate', (event: { preventDefault(): void }) => {
      event.preventDefault();
    });
    window.webContents.emit('did-finish-load');
    expect([...live]).toEqual([0]);
    expect(sent).toEqual([preferences]);
    await window.webContents.pageNavigates('https://evil.example/');
    expect([...live]).toEqual([0]);
    window.webContents.emit('did-finish-load');
    expect([...live]).toEqual([1]);
    window.destroy();
    expect([...live]).toEqual([]);
  });
});

describe('links, permissions, menu, login item and folders', () => {
  it("opens only SMSBAT's own https pages in the browser", () => {
    expect(isAllowedExternalUrl('https://smsbat.com/')).toBe(true);
    expect(isAllowedExternalUrl('https://restapi.smsbat.com/docs')).toBe(true);
    expect(isAllowedExternalUrl('http://smsbat.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://smsbat.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://evilsmsbat.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@smsbat.com/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });

  it("grants web content nothing but the window's own clipboard write", () => {
    const own = (url: string) => url.startsWith('app://monitor');
    expect(permissionAllowed('clipboard-sanitized-write', 'app://monitor/', own)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'https://evil.example/', own)).toBe(false);
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal']) {
      expect(permissionAllowed(permission, 'app://monitor/', own), permission).toBe(false);
    }
  });

  it('has the standard Edit roles on every platform, and the developer tools only while developing', () => {
    const roles = (template: MenuItemConstructorOptions[]) =>
      JSON.stringify(template)
        .match(/"role":"(\w+)"/g)
        ?.map((role) => role.slice(8, -1)) ?? [];
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(roles(appMenuTemplate(platform, false))).toEqual(
        expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
      );
      expect(roles(appMenuTemplate(platform, false))).not.toContain('toggleDevTools');
      expect(roles(appMenuTemplate(platform, true))).toContain('toggleDevTools');
    }
    expect(roles(appMenuTemplate('darwin', false))[0]).toBe('appMenu');
  });

  it('starts at login where the operating system lets the app do so', () => {
    expect(loginItemSettings(true, 'win32')).toEqual({ openAtLogin: true });
    expect(loginItemSettings(false, 'darwin')).toEqual({ openAtLogin: false });
    expect(loginItemSettings(true, 'linux')).toBeNull();
  });

  it("keeps data in the browser host's folder whatever the product is called, with a Windows app id", () => {
    const calls: unknown[][] = [];
    const app = {
      getPath: (name: string) =>
        name === 'appData' ? '/home/x/.config' : `/home/x/.config/Some Product Name`,
      setPath: (...args: unknown[]) => calls.push(['setPath', ...args]),
      setAppUserModelId: (...args: unknown[]) => calls.push(['setAppUserModelId', ...args]),
    } as unknown as App;
    expect(settleAppIdentity(app, 'linux')).toBe(join('/home/x/.config', APP_DIR_NAME));
    expect(calls).toEqual([['setPath', 'userData', join('/home/x/.config', APP_DIR_NAME)]]);
    calls.length = 0;
    settleAppIdentity(app, 'win32');
    expect(calls).toContainEqual(['setAppUserModelId', APP_USER_MODEL_ID]);
  });
});
