/** How `npm start` shows the app: the desktop app, or the browser host straight away (with the line that says why). */
export type LaunchChoice =
  | {
      readonly kind: 'electron';
      /** Whether a missing Electron binary may be downloaded before falling back to the browser host. */
      readonly download: boolean;
      /** The arguments for the app (the launcher's own flags removed). */
      readonly argv: readonly string[];
    }
  | {
      readonly kind: 'browser';
      /** The one line printed before the browser host starts. */
      readonly line: string;
      readonly argv: readonly string[];
    };

/** The launcher's own flag: go straight to the browser host. */
export const BROWSER_FLAG = '--browser';

/** True when `ELECTRON_SKIP_BINARY_DOWNLOAD` asks for no download (any value but empty, `0` or `false`). */
export function skipsElectronDownload(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env['ELECTRON_SKIP_BINARY_DOWNLOAD']?.trim().toLowerCase() ?? '';
  return value !== '' && value !== '0' && value !== 'false';
}

/**
 * Decides how `npm start` runs: `--browser` goes straight to the browser host; otherwise the desktop app, looked
 * for without a download when `ELECTRON_SKIP_BINARY_DOWNLOAD` is set.
 */
export function chooseLaunch(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): LaunchChoice {
  const rest = argv.filter((arg) => arg !== BROWSER_FLAG);
  if (rest.length !== argv.length) {
    return { kind: 'browser', line: 'Starting the browser host (--browser).', argv: rest };
  }
  return { kind: 'electron', download: !skipsElectronDownload(env), argv: rest };
}
