import { describe, expect, it, vi } from 'vitest';
import type { PreloadBridge } from '../../../shared/contract';
import { createPreloadClient } from '../../../renderer/src/transport/preload-client';

describe("the window's client inside Electron", () => {
  it('calls the named bridge functions and maps each event to its onX', async () => {
    const unsubscribe = vi.fn();
    const bridge = {
      pause: vi.fn(() => Promise.resolve({ ok: true, value: null })),
      onFeed: vi.fn(() => unsubscribe),
      onConnection: vi.fn(() => unsubscribe),
      onPreferences: vi.fn(() => unsubscribe),
      onNotification: vi.fn(() => unsubscribe),
      onCapabilities: vi.fn(() => unsubscribe),
      onReveal: vi.fn(() => unsubscribe),
    } as unknown as PreloadBridge;
    const client = createPreloadClient(bridge);
    expect(await client.pause({})).toEqual({ ok: true, value: null });
    const listener = vi.fn();
    const off = client.on('notification', listener);
    expect(bridge.onNotification).toHaveBeenCalledWith(listener);
    expect(bridge.onFeed).not.toHaveBeenCalled();
    off();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    client.on('reveal', listener);
    expect(bridge.onReveal).toHaveBeenCalledWith(listener);
    client.on('capabilities', listener);
    expect(bridge.onCapabilities).toHaveBeenCalledWith(listener);
  });
});
