import { spawn } from 'node:child_process';

/** The command that opens a URL in the user's browser on this platform, or null where there is no desktop. */
export function openCommand(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): { readonly command: string; readonly args: readonly string[] } | null {
  if (platform === 'darwin') return { command: 'open', args: [] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'] };
  const hasDisplay = (env['DISPLAY'] ?? '') !== '' || (env['WAYLAND_DISPLAY'] ?? '') !== '';
  return hasDisplay ? { command: 'xdg-open', args: [] } : null;
}

/** Tries to open the URL in a browser; resolves false (never throws) when none is available. */
export function openInBrowser(
  url: string,
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<boolean> {
  const opener = openCommand(platform, env);
  if (opener === null) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(opener.command, [...opener.args, url], { stdio: 'ignore', detached: true });
    child.once('error', () => {
      resolve(false);
    });
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
