import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { REQUEST_NAMES, type ContractEvents, type PreloadBridge } from '../../../shared/contract';
import { registerContractIpc, sendContractEvent } from '../../../electron/main/ipc-main';
import { ipcMain } from '../../fakes/electron-stand-in/ipc';
import { startServicesKit, type ServicesKit } from '../host/host-test-kit';

vi.mock('electron', () => import('../../fakes/electron-stand-in/in-process'));

const { sender, testPage } = await import('../../fakes/electron-stand-in/in-process');
const trusted = { trusted: true };
let kit: ServicesKit;
let unregister: () => void;
let bridge: PreloadBridge;

/** Lets messages cross to the page (the stand-in delivers them a hop later, as Electron does). */
const crossed = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

beforeAll(async () => {
  await import('../../../electron/preload/index');
  bridge = testPage.exposed.get('smsbat') as PreloadBridge;
});

beforeEach(async () => {
  ipcMain.handlers.clear();
  sender.event = trusted;
  kit = await startServicesKit();
  unregister = registerContractIpc(kit.services.handlers, {
    isTrustedSender: (event: IpcMainInvokeEvent) => (event as unknown) === trusted,
  });
});

afterEach(async () => {
  unregister();
  await kit.close();
});

describe('the preload bridge', () => {
  it('exposes one named function per contract request and one onX per event, nothing generic', () => {
    const names = Object.keys(bridge).sort();
    const expected = [
      ...REQUEST_NAMES,
      'onCapabilities',
      'onConnection',
      'onFeed',
      'onNotification',
      'onPreferences',
      'onReveal',
    ].sort();
    expect(names).toEqual(expected);
    for (const name of names) expect(typeof bridge[name as keyof PreloadBridge]).toBe('function');
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
  });
});

describe('the Electron host over IPC', () => {
  it('registers one handler per request, and removes them all', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      REQUEST_NAMES.map((name) => `smsbat:request:${name}`).sort(),
    );
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    unregister = () => undefined;
  });

  it('carries a request from the bridge to the engine and back', async () => {
    const result = await bridge.watch({ messageIds: ['abc-1'], label: 'campaign' });
    expect(result).toEqual({ ok: true, value: { added: ['abc-1'], alreadyWatched: [], rejected: [] } });
    expect(kit.engine.snapshot().messages.map((m) => [m.id, m.label])).toEqual([['abc-1', 'campaign']]);
  });

  it('answers a malformed payload on every request with a typed error', async () => {
    for (const name of REQUEST_NAMES) {
      const call = bridge[name] as (payload: unknown) => Promise<unknown>;
      await expect(call('not an object'), name).resolves.toMatchObject({
        ok: false,
        error: { kind: 'invalid_request' },
      });
      await expect(call({ unexpectedField: 1 }), name).resolves.toMatchObject({ ok: false });
    }
  });

  it('refuses requests from any other sender, without touching the engine', async () => {
    sender.event = { trusted: false };
    const result = await bridge.watch({ messageIds: ['abc-1'] });
    expect(result).toMatchObject({ ok: false, error: { kind: 'not_allowed' } });
    expect(kit.engine.snapshot().messages).toEqual([]);
  });

  it('pushes events to the window, where late listeners still get the current state', async () => {
    const sent: string[] = [];
    const contents = {
      isDestroyed: () => false,
      send: (channel: string, payload: unknown) => {
        sent.push(channel);
        testPage.deliver(channel, [payload]);
      },
    } as unknown as WebContents;
    const stop = kit.services.subscribe((message) => {
      sendContractEvent(contents, message);
    });
    await crossed();
    expect(sent).toEqual([
      'smsbat:event:capabilities',
      'smsbat:event:connection',
      'smsbat:event:preferences',
      'smsbat:event:feed',
    ]);
    const connections: ContractEvents['connection'][] = [];
    const feed: ContractEvents['feed'][] = [];
    bridge.onConnection((info) => connections.push(info));
    bridge.onFeed((item) => feed.push(item));
    expect(connections).toEqual([expect.objectContaining({ source: 'none' })]);
    expect(feed.map((item) => item.type)).toEqual(['snapshot']);
    kit.engine.watch(['abc-2']);
    await vi.waitFor(() => {
      expect(feed.map((item) => item.type)).toEqual(['snapshot', 'change']);
    });
    stop();
  });

  it('sends nothing to a window that is gone', () => {
    const send = vi.fn();
    sendContractEvent({ isDestroyed: () => true, send } as unknown as WebContents, {
      event: 'preferences',
      payload: { theme: 'dark', language: 'en', notify: { delivered: true, failed: true, overdue: true } },
    });
    expect(send).not.toHaveBeenCalled();
  });
});
