/** What `smsbat-monitor` exits with; documented in `--help`. */
export const EXIT = {
  /** check: every id answered and none failed; watch: every message delivered; demo: ran to the end. */
  ok: 0,
  /** Some message failed, was not found, or (check) could not be checked. Wins over `incomplete`. */
  failed: 1,
  /** The command ended before every message settled: `--timeout` passed, or the engine gave up on an id. */
  incomplete: 2,
  /** The command could not do its job: a usage mistake, missing or rejected credentials, or a setup error. */
  cannotRun: 3,
} as const;

/** One of the exit codes in {@link EXIT}, or 128 + a signal number after Ctrl-C / SIGTERM. */
export type ExitCode = number;

/** The exit code after a signal stopped a command: 130 for SIGINT (Ctrl-C), 143 for SIGTERM, as shells report. */
export function signalExitCode(signal: 'SIGINT' | 'SIGTERM'): ExitCode {
  return signal === 'SIGINT' ? 130 : 143;
}
