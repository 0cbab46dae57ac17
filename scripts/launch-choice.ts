/** How `npm start` shows the app: the desktop app, or the browser host straight away (with the line that says why). */
export type LaunchChoice =
  | {
      readonly kind: 'electron';
      /** Whether a missing Electron binary may be downloaded before falling back to the browser host. */
      readonly download: boolean;
      /** The arguments for the desktop app: the browser host's flags removed. */
      readonly electronArgv: readonly string[];
      /** The arguments for the browser host, should it come to that (the launcher's own flag removed). */
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

/** The browser host's flags that take a value, and those that do not: none of them mean anything to Electron. */
const BROWSER_HOST_VALUE_FLAGS: readonly string[] = ['--port', '--data-dir'];
const BROWSER_HOST_SWITCHES: readonly string[] = ['--no-open', BROWSER_FLAG];

/** True when `ELECTRON_SKIP_BINARY_DOWNLOAD` asks for no download (any value but empty, `0` or `false`). */
export function skipsElectronDownload(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env['ELECTRON_SKIP_BINARY_DOWNLOAD']?.trim().toLowerCase() ?? '';
  return value !== '' && value !== '0' && value !== 'false';
}

/** The arguments without the browser host's flags (`--port 1`, `--port=1`, `--data-dir D`, `--no-open`, `--browser`). */
export function withoutBrowserHostFlags(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (BROWSER_HOST_SWITCHES.includes(arg)) continue;
    if (BROWSER_HOST_VALUE_FLAGS.includes(arg)) {
      index += 1;
      continue;
    }
    if (BROWSER_HOST_VALUE_FLAGS.some((flag) => arg.startsWith(`${flag}=`))) continue;
    kept.push(arg);
  }
  return kept;
}

/**
 * Decides how `npm start` runs: `--browser` goes straight to the browser host; otherwise the desktop app (without
 * the browser host's flags), looked for without a download when `ELECTRON_SKIP_BINARY_DOWNLOAD` is set.
 */
export function chooseLaunch(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): LaunchChoice {
  const rest = argv.filter((arg) => arg !== BROWSER_FLAG);
  if (rest.length !== argv.length) {
    return { kind: 'browser', line: 'Starting the browser host (--browser).', argv: rest };
  }
  return {
    kind: 'electron',
    download: !skipsElectronDownload(env),
    electronArgv: withoutBrowserHostFlags(rest),
    argv: rest,
  };
}

/** A failed exit sooner than this after starting is a failed start (no window ever showed). @default 10 s */
export const STARTUP_GRACE_MS = 10_000;

/** Signals a person sends to stop the app: the end of a run, not a failure to start. */
const STOP_SIGNALS: readonly string[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** How Electron's process ended. */
export interface ElectronExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** How long it ran. */
  readonly ranMs: number;
}

/** What `npm start` does after Electron ended: exit with its code, or start the browser host (with the one line). */
export type ElectronExitOutcome =
  { readonly kind: 'done'; readonly code: number } | { readonly kind: 'fallback'; readonly line: string };

/**
 * Whether Electron's end means it could not run here: killed by a signal other than a person's stop (the Linux
 * SUID sandbox and a missing display abort it), or a failed exit within {@link STARTUP_GRACE_MS}. Then the browser
 * host starts, with the reason in one line.
 */
export function electronExitOutcome(
  exit: ElectronExit,
  where: { readonly platform: NodeJS.Platform; readonly isRoot: boolean },
): ElectronExitOutcome {
  const hint =
    where.platform === 'linux' && where.isRoot ? ' (Electron does not run as root without --no-sandbox)' : '';
  if (exit.signal !== null) {
    if (STOP_SIGNALS.includes(exit.signal)) return { kind: 'done', code: 1 };
    return {
      kind: 'fallback',
      line: `Electron stopped (signal ${exit.signal})${hint}; starting the browser host instead.`,
    };
  }
  const code = exit.code ?? 1;
  if (code !== 0 && exit.ranMs < STARTUP_GRACE_MS) {
    return {
      kind: 'fallback',
      line: `Electron exited with code ${code} while starting${hint}; starting the browser host instead.`,
    };
  }
  return { kind: 'done', code };
}
