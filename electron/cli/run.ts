import { CLIENT_VERSION } from '../core/client';
import { EnvCredentialsError } from '../core/credentials-from-env';
import { parseCliArgs } from './args';
import { runCheck } from './commands/check';
import { runDemo } from './commands/demo';
import { runProfile } from './commands/profile';
import { runSimulate } from './commands/simulate';
import { runWatch } from './commands/watch';
import { EXIT } from './exit-codes';
import { helpText } from './help';
import type { CliIo } from './io';
import { redactingIo } from './redact';
import { UsageError } from './usage-error';

/**
 * Runs `smsbat-monitor` with the arguments after the program name and returns the exit code. All input and
 * output goes through `io`, so tests call this directly; `smsbat-monitor.ts` passes the real process.
 */
export async function run(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = redactingIo(rawIo);
  try {
    const args = parseCliArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout.write(helpText(args.topic));
        return EXIT.ok;
      case 'version':
        io.stdout.write(`smsbat-monitor ${CLIENT_VERSION}\n`);
        return EXIT.ok;
      case 'check':
        return await runCheck(args, io);
      case 'watch':
        return await runWatch(args, io);
      case 'simulate':
        return await runSimulate(args, io);
      case 'demo':
        return await runDemo(args, io);
      case 'profile':
        return await runProfile(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof EnvCredentialsError) {
      const command = error instanceof UsageError ? error.command : null;
      const helpHint = command === null ? 'smsbat-monitor --help' : `smsbat-monitor ${command} --help`;
      io.stderr.write(`smsbat-monitor: ${error.message}\nRun \`${helpHint}\` for usage.\n`);
      return EXIT.cannotRun;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`smsbat-monitor: stopped by an unexpected error: ${detail}\n`);
    return EXIT.cannotRun;
  }
}
