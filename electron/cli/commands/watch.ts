import type { WatchArgs } from '../args';
import { formatAuthFailure } from '../auth-help';
import { createClient, resolveBaseUrl } from '../connection';
import { credentialsFromEnv } from '../credentials-from-env';
import type { CliIo } from '../io';
import { readIds } from '../read-ids';
import { reportWatchEnd } from '../watch-report';
import { runWatchSession } from '../watch-session';

/**
 * `smsbat-monitor watch <id...>`: runs the monitor engine until every id settles (or `--timeout`, rejected
 * credentials, Ctrl-C), printing each change as it happens and a summary at the end. Exit code: see `watchExitCode`.
 */
export async function runWatch(args: WatchArgs, io: CliIo): Promise<number> {
  const credentials = credentialsFromEnv(io.env);
  const baseUrl = resolveBaseUrl(args.baseUrl, io.env);
  const ids = await readIds(args.idTokens, io, 'watch');
  const client = createClient(baseUrl, credentials.credentials);
  try {
    const result = await runWatchSession({
      io,
      client,
      ids,
      label: args.label,
      deadlineSeconds: args.deadlineSeconds,
      timeoutSeconds: args.timeoutSeconds,
      json: args.json,
      engine: { maxRequestsPerSecond: args.rate, notFoundRetries: args.notFoundRetries },
    });
    return reportWatchEnd(io, result, {
      json: args.json,
      label: args.label,
      timeoutSeconds: args.timeoutSeconds,
      authFailure: (reason) => formatAuthFailure(reason, credentials, baseUrl),
    });
  } finally {
    await client.close();
  }
}
