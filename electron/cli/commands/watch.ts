import type { WatchArgs } from '../args';
import { formatAuthFailure, formatWrongBaseUrl } from '../auth-help';
import { createClient, resolveBaseUrl } from '../connection';
import { credentialsFromEnv } from '../../core/credentials-from-env';
import type { CliIo } from '../io';
import { idsFromStdin, readIds, streamIds } from '../read-ids';
import { reportWatchEnd } from '../watch-report';
import { runWatchSession } from '../watch-session';

/**
 * `smsbat-monitor watch <id...>`: runs the monitor engine until every id settles (or `--timeout`, rejected
 * credentials, a base URL that is not SMSBAT's, Ctrl-C), printing each change as it happens and a summary at the
 * end. Ids piped into stdin are watched as they arrive; the watch then also waits for stdin to close. Exit code:
 * see `watchExitCode`.
 */
export async function runWatch(args: WatchArgs, io: CliIo): Promise<number> {
  const credentials = credentialsFromEnv(io.env);
  const baseUrl = resolveBaseUrl(args.baseUrl, io.env);
  // Ids piped in are watched as each line arrives (`tail -f sent.log | smsbat-monitor watch`).
  const fromStdin = idsFromStdin(args.idTokens, io);
  const ids = fromStdin ? [] : await readIds(args.idTokens, io, 'watch');
  const client = createClient(baseUrl, credentials.credentials);
  try {
    const result = await runWatchSession({
      io,
      client,
      ids,
      incoming: fromStdin ? streamIds(io.stdin, io, 'watch') : null,
      label: args.label,
      deadlineSeconds: args.deadlineSeconds,
      timeoutSeconds: args.timeoutSeconds,
      json: args.json,
      webhooks: args.webhookPort === null ? null : { host: args.webhookHost, port: args.webhookPort },
      engine: {
        baseUrl: baseUrl.url,
        maxRequestsPerSecond: args.rate,
        notFoundRetries: args.notFoundRetries,
      },
    });
    return reportWatchEnd(io, result, {
      json: args.json,
      label: args.label,
      timeoutSeconds: args.timeoutSeconds,
      authFailure: (reason) => formatAuthFailure(reason, credentials, baseUrl),
      wrongBaseUrl: (reason) => formatWrongBaseUrl(reason, baseUrl),
    });
  } finally {
    await client.close();
  }
}
