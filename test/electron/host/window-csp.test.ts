import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuiltApp } from '../main/built-app';
import {
  declaredPolicy,
  devWindowContentSecurityPolicy,
  windowContentSecurityPolicy,
  withDevPolicy,
} from '../../../electron/host/window-csp';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe("the window's Content-Security-Policy", () => {
  it('is the same in index.html as the headers both hosts send', async () => {
    const html = await readFile(join(ROOT, 'renderer', 'index.html'), 'utf8');
    expect(declaredPolicy(html)).toBe(windowContentSecurityPolicy());
  });

  it('adds only the connect sources a host needs', () => {
    expect(windowContentSecurityPolicy(['ws://127.0.0.1:5000'])).toContain(
      "connect-src 'self' ws://127.0.0.1:5000; object-src 'none'",
    );
  });

  it("lets in Vite's inline preamble, styles and hot-reload socket under electron-vite dev, and nothing else", async () => {
    const html = await readFile(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const dev = declaredPolicy(withDevPolicy(html));
    expect(dev).toBe(devWindowContentSecurityPolicy());
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("style-src 'self' 'unsafe-inline'");
    expect(dev).toContain('ws://localhost:*');
    expect(dev).not.toContain('unsafe-eval');
    expect(dev).toContain("object-src 'none'");
  });

  it('leaves the built window strict', async () => {
    ensureBuiltApp();
    const html = await readFile(join(ROOT, 'out', 'renderer', 'index.html'), 'utf8');
    expect(declaredPolicy(html)).toBe(windowContentSecurityPolicy());
  }, 180_000);
});
