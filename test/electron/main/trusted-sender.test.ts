import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isOwnWindowUrl, trustedSenderCheck } from '../../../electron/main/trusted-sender';

const allowed = { appOrigin: 'app://monitor', devUrl: null };

function event(url: string, senderId: number, parent: unknown = null): IpcMainInvokeEvent {
  return { sender: { id: senderId }, senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}

describe('which senders may call the contract', () => {
  it("accepts only the window's own origin on the app's scheme, whatever the path", () => {
    expect(isOwnWindowUrl('app://monitor/', allowed)).toBe(true);
    expect(isOwnWindowUrl('app://monitor/index.html#/settings', allowed)).toBe(true);
    expect(isOwnWindowUrl('app://other/', allowed)).toBe(false);
    expect(isOwnWindowUrl('app://monitor.evil/', allowed)).toBe(false);
    expect(isOwnWindowUrl('https://monitor/', allowed)).toBe(false);
    expect(isOwnWindowUrl('https://evil.example/', allowed)).toBe(false);
    expect(isOwnWindowUrl('not a url', allowed)).toBe(false);
  });

  it('never trusts a file URL, so the folder the app is installed in cannot matter', () => {
    expect(isOwnWindowUrl('file:///C:/Program%20Files/Monitor/out/renderer/index.html', allowed)).toBe(false);
    expect(isOwnWindowUrl('file:///c:/Users/100%25/out/renderer/index.html', allowed)).toBe(false);
    expect(isOwnWindowUrl('file:///tmp/evil.html', allowed)).toBe(false);
  });

  it('accepts the dev server origin only while it is configured', () => {
    const dev = { ...allowed, devUrl: 'http://localhost:5173' };
    expect(isOwnWindowUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isOwnWindowUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isOwnWindowUrl('http://localhost:5173/', allowed)).toBe(false);
  });

  it('refuses subframes and other web contents', () => {
    const check = trustedSenderCheck(() => [{ id: 1 } as unknown as WebContents], allowed);
    expect(check(event('app://monitor/', 1))).toBe(true);
    expect(check(event('app://monitor/', 2))).toBe(false);
    expect(check(event('app://monitor/', 1, { url: 'app://monitor/' }))).toBe(false);
  });
});
