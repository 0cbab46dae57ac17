import { formatSummary, plural, unsettledIds } from './format';
import type { CliIo } from './io';
import { jsonLine, summaryJson } from './json-output';
import { watchExitCode } from './outcome';
import type { WatchSessionResult } from './watch-session';

/** How to report the end of a watch. */
export interface WatchReportOptions {
  readonly json: boolean;
  readonly label: string | null;
  readonly timeoutSeconds: number | null;
  /** Printed to stderr when the credentials were rejected (see `formatAuthFailure`). */
  readonly authFailure: (reason: string) => string;
  /** Printed to stderr when the base URL does not answer like SMSBAT (see `formatWrongBaseUrl`). */
  readonly wrongBaseUrl: (reason: string) => string;
  /** The exit code of how the watch ended. @default watchExitCode (the demo has its own: see demoExitCode) */
  readonly exitCode?: typeof watchExitCode;
}

const SHOWN_IDS = 10;

/** Prints the end of a watch (the summary, and why it stopped early) and returns the exit code. */
export function reportWatchEnd(io: CliIo, result: WatchSessionResult, options: WatchReportOptions): number {
  const { end, messages, totals } = result;
  const exitCode = (options.exitCode ?? watchExitCode)(end, messages);
  if (end.reason === 'auth_failed') io.stderr.write(options.authFailure(end.message));
  if (end.reason === 'wrong_base_url') io.stderr.write(options.wrongBaseUrl(end.message));

  if (options.json) {
    io.stdout.write(jsonLine(summaryJson(options.label, totals, messages, end, exitCode, Date.now())));
    return exitCode;
  }
  if (end.reason === 'auth_failed' || end.reason === 'wrong_base_url') return exitCode;

  const open = unsettledIds(messages);
  if (open.length > 0 && (end.reason === 'timeout' || end.reason === 'interrupted')) {
    const why =
      end.reason === 'timeout'
        ? `Stopped after --timeout ${options.timeoutSeconds ?? '?'} s`
        : `Stopped by ${end.signal === 'SIGINT' ? 'Ctrl-C' : end.signal}`;
    const shown =
      open.slice(0, SHOWN_IDS).join(' ') +
      (open.length > SHOWN_IDS ? ` and ${open.length - SHOWN_IDS} more` : '');
    io.stderr.write(`${why}: ${plural(open.length, 'message')} still without a final status: ${shown}\n`);
  } else if (end.reason === 'interrupted') {
    io.stderr.write(`Stopped by ${end.signal === 'SIGINT' ? 'Ctrl-C' : end.signal}.\n`);
  }
  io.stdout.write(`\n${formatSummary(totals, options.label, messages)}\n`);
  return exitCode;
}
