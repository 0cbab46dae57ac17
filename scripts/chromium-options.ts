/** Chromium's flags here (see docs/platform-notes.md): no sandbox as root, no GPU, no network beyond loopback. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Debian's Chromium, or the one `CHROMIUM_PATH` names (Playwright never downloads a browser here). */
export function chromiumPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const path = env['CHROMIUM_PATH'];
  return path === undefined || path === '' ? '/usr/bin/chromium' : path;
}
