import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the Electron binary is, or why there is none (words for one line). */
export type ElectronLookup =
  { readonly found: true; readonly path: string } | { readonly found: false; readonly reason: string };

/** The binary the `electron` package points at, if it is on disk (as its index.js finds it, minus the download). */
export function installedElectron(
  packageDir: string,
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  const path =
    override !== undefined && override !== ''
      ? join(override, executable || 'electron')
      : executable === ''
        ? null
        : join(packageDir, 'dist', executable);
  return path !== null && existsSync(path) ? path : null;
}

/** How {@link findElectron} looks. */
export interface FindElectronOptions {
  /** Download the binary when the package has none yet (false: `ELECTRON_SKIP_BINARY_DOWNLOAD`). @default true */
  readonly download?: boolean;
  /** @default 120_000 */
  readonly downloadTimeoutMs?: number;
}

/**
 * Finds the Electron binary, downloading it once (quietly, with a time limit) when the package has none yet, as
 * `require('electron')` would, unless told not to. Never throws and never prints: the reason comes back for the
 * caller's one line.
 */
export function findElectron(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: FindElectronOptions = {},
): ElectronLookup {
  const { download: mayDownload = true, downloadTimeoutMs = 120_000 } = options;
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed' };
  }
  const present = installedElectron(packageDir, env);
  if (present !== null) return { found: true, path: present };
  if (!mayDownload) {
    return {
      found: false,
      reason: 'no Electron binary is installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set',
    };
  }
  const download = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    stdio: 'pipe',
    encoding: 'utf8',
    timeout: downloadTimeoutMs,
  });
  const downloaded = installedElectron(packageDir, env);
  if (downloaded !== null) return { found: true, path: downloaded };
  const detail = `${download.stderr}\n${download.error?.message ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /error|failed|timed out/i.test(line));
  return { found: false, reason: explainDownloadFailure(detail) };
}

/**
 * Why the Electron binary could not be downloaded, in words for one line: an unreachable download server (Node's
 * bare "fetch failed", a name that does not resolve, a refused connection) or a download that took too long say so
 * and what to do; an unknown detail is kept as it came.
 */
export function explainDownloadFailure(detail: string | undefined): string {
  const start = 'no Electron binary is installed and it could not be downloaded';
  const instead = 'run `npm start -- --browser` to use the browser host directly';
  if (detail === undefined) return start;
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|getaddrinfo|ENETUNREACH/i.test(detail)) {
    return `${start}: this machine could not reach the Electron download server (no network, or a proxy or firewall in the way); ${instead}`;
  }
  if (/ETIMEDOUT|timed out/i.test(detail)) {
    return `${start}: the download took too long and was stopped; try again on a faster connection, or ${instead}`;
  }
  return `${start} (${detail})`;
}
