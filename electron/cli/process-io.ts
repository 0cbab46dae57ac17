import { signalExitCode } from './exit-codes';
import type { CliIo, StopSignal } from './io';

const STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];

/**
 * The real process as a `CliIo`. While a listener is subscribed, the first Ctrl-C / SIGTERM goes to it (the
 * command stops cleanly); a second one exits at once. A closed stdout (e.g. piped into `head`) ends quietly.
 */
export function processIo(): CliIo {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    onSignal(listener) {
      let received = false;
      const handler = (signal: StopSignal): void => {
        if (received) process.exit(signalExitCode(signal));
        received = true;
        listener(signal);
      };
      for (const signal of STOP_SIGNALS) process.on(signal, handler);
      return () => {
        for (const signal of STOP_SIGNALS) process.off(signal, handler);
      };
    },
  };
}
