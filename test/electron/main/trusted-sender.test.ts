import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isOwnWindowUrl, trustedSenderCheck } from '../../../electron/main/trusted-sender';

const allowed = { fileUrl: 'file:///opt/monitor/out/renderer/index.html', devUrl: null };

function event(url: string, senderId: number, parent: unknown = null): IpcMainInvokeEvent {
  return { sender: { id: senderId }, senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}

describe('which senders may call the contract', () => {
  it("accepts only the built window's own page", () => {
    expect(isOwnWindowUrl('file:///opt/monitor/out/renderer/index.html', allowed)).toBe(true);
    expect(isOwnWindowUrl('file:///opt/monitor/out/renderer/index.html#/settings', allowed)).toBe(true);
    expect(isOwnWindowUrl('file:///tmp/evil.html', allowed)).toBe(false);
    expect(isOwnWindowUrl('https://evil.example/', allowed)).toBe(false);
    expect(isOwnWindowUrl('not a url', allowed)).toBe(false);
  });

  it('accepts the dev server origin only while it is configured', () => {
    const dev = { ...allowed, devUrl: 'http://localhost:5173' };
    expect(isOwnWindowUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isOwnWindowUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isOwnWindowUrl('http://localhost:5173/', allowed)).toBe(false);
  });

  it('refuses subframes and other web contents', () => {
    const check = trustedSenderCheck(() => [{ id: 1 } as unknown as WebContents], allowed);
    expect(check(event(allowed.fileUrl, 1))).toBe(true);
    expect(check(event(allowed.fileUrl, 2))).toBe(false);
    expect(check(event(allowed.fileUrl, 1, { url: allowed.fileUrl }))).toBe(false);
  });
});
