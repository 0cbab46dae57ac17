import type { WatchedMessage } from '../../shared/message';
import { EXIT, signalExitCode, type ExitCode } from './exit-codes';
import type { CheckResult } from './check-result';
import type { StopSignal } from './io';

/** Why a watch ended. */
export type WatchEnd =
  | { readonly reason: 'settled' }
  | { readonly reason: 'timeout' }
  | { readonly reason: 'auth_failed'; readonly message: string }
  | { readonly reason: 'wrong_base_url'; readonly message: string }
  | { readonly reason: 'interrupted'; readonly signal: StopSignal };

/**
 * The exit code of a watch: 3 when the credentials were rejected or the base URL is not SMSBAT's; 130/143 after Ctrl-C/SIGTERM; otherwise 1 when
 * any message failed or was not found (even if others were still pending), 2 when any message is still without
 * a final status (timeout, gave up, unknown status), and 0 when every message was delivered.
 */
export function watchExitCode(end: WatchEnd, messages: readonly WatchedMessage[]): ExitCode {
  if (end.reason === 'auth_failed' || end.reason === 'wrong_base_url') return EXIT.cannotRun;
  if (end.reason === 'interrupted') return signalExitCode(end.signal);
  if (messages.some((m) => m.phase === 'not_found' || m.snapshot?.kind === 'failed')) return EXIT.failed;
  if (messages.some((m) => m.snapshot?.kind !== 'delivered')) return EXIT.incomplete;
  return EXIT.ok;
}

/**
 * The exit code of the demo: like a watch, except that its simulated failures are part of the show. 0 when every
 * message settled; 2 when `--timeout` ended it (whatever had failed by then) or it gave up on a message; 3 and
 * 130/143 as for a watch.
 */
export function demoExitCode(end: WatchEnd, messages: readonly WatchedMessage[]): ExitCode {
  switch (end.reason) {
    case 'settled':
      return messages.some((m) => m.phase === 'gave_up') ? EXIT.incomplete : EXIT.ok;
    case 'timeout':
      return EXIT.incomplete;
    default:
      return watchExitCode(end, messages);
  }
}

/**
 * The exit code of a check: 1 when any message failed, was not found or could not be checked; 2 when `--timeout`
 * stopped some checks (and nothing failed); 0 otherwise (pending statuses are fine: a check is a snapshot).
 */
export function checkExitCode(results: readonly CheckResult[]): ExitCode {
  const failed = results.some(
    (r) =>
      r.state === 'not_found' || r.state === 'error' || (r.state === 'ok' && r.snapshot.kind === 'failed'),
  );
  if (failed) return EXIT.failed;
  if (results.some((r) => r.state === 'skipped')) return EXIT.incomplete;
  return EXIT.ok;
}
