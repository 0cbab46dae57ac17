import type { StatusSnapshot } from '../../../shared/message';
import type { SmsbatClient } from '../../core/client';
import { AuthError, NotFoundError, RateLimitedError, SmsbatError } from '../../core/errors';
import type { CheckArgs } from '../args';
import { formatAuthFailure } from '../auth-help';
import type { CheckResult } from '../check-result';
import { createClient, resolveBaseUrl } from '../connection';
import { credentialsFromEnv } from '../credentials-from-env';
import { EXIT } from '../exit-codes';
import { formatCheckTable, plural } from '../format';
import type { CliIo } from '../io';
import { checkResultJson } from '../json-output';
import { checkExitCode } from '../outcome';
import { forEachPaced, sleep } from '../paced';
import { readIds } from '../read-ids';

/** Requests a `check` keeps in flight at once (the `--rate` pacing applies on top). */
export const CHECK_CONCURRENCY = 4;

/** How often a check answered 429 is tried again before it is reported. */
const RATE_LIMIT_RETRIES = 3;

/** Thrown inside a check when SMSBAT rejected the credentials: every other check stops. */
class AuthStop {
  constructor(readonly reason: string) {}
}

/**
 * `smsbat-monitor check <id...>`: one status request per id, paced by `--rate`, printed as a table or a JSON
 * array. Exit code: see `checkExitCode`; 3 when SMSBAT rejects the credentials.
 */
export async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  const credentials = credentialsFromEnv(io.env);
  const baseUrl = resolveBaseUrl(args.baseUrl, io.env);
  const ids = await readIds(args.idTokens, io, 'check');
  const client = createClient(baseUrl, credentials.credentials);

  const controller = new AbortController();
  const stop: { timedOut: boolean; auth: AuthStop | null } = { timedOut: false, auth: null };
  const timer =
    args.timeoutSeconds === null
      ? null
      : setTimeout(() => {
          stop.timedOut = true;
          controller.abort(new Error('--timeout passed'));
        }, args.timeoutSeconds * 1000);

  const results: CheckResult[] = ids.map((id) => ({ id, state: 'skipped' }));
  try {
    await forEachPaced(
      ids,
      { perSecond: args.rate, concurrency: CHECK_CONCURRENCY, signal: controller.signal },
      async (id, index) => {
        const outcome = await checkOne(client, id, controller.signal);
        if (outcome instanceof AuthStop) {
          stop.auth ??= outcome;
          controller.abort(new Error('credentials rejected'));
          return;
        }
        if (outcome !== null) results[index] = outcome;
      },
    );
  } finally {
    if (timer !== null) clearTimeout(timer);
    await client.close();
  }

  if (stop.auth !== null) {
    io.stderr.write(formatAuthFailure(stop.auth.reason, credentials, baseUrl));
    return EXIT.cannotRun;
  }
  if (args.json) {
    io.stdout.write(`${JSON.stringify(results.map(checkResultJson), null, 2)}\n`);
  } else {
    io.stdout.write(`${formatCheckTable(results)}\n`);
  }
  const skipped = results.filter((result) => result.state === 'skipped').length;
  if (stop.timedOut && skipped > 0) {
    io.stderr.write(
      `smsbat-monitor: --timeout ${args.timeoutSeconds ?? '?'} s passed before ${plural(skipped, 'id')} could be checked.\n`,
    );
  }
  return checkExitCode(results);
}

/**
 * Checks one id, trying again after a 429 (honouring `Retry-After`). Null when the check was aborted (the result
 * stays "skipped"); an `AuthStop` when the credentials were rejected.
 */
async function checkOne(
  client: SmsbatClient,
  id: string,
  signal: AbortSignal,
): Promise<CheckResult | AuthStop | null> {
  for (let attempt = 0; ; attempt += 1) {
    let snapshot: StatusSnapshot;
    try {
      snapshot = await client.getStatus(id, signal);
    } catch (error) {
      if (signal.aborted) return null;
      if (error instanceof AuthError) return new AuthStop(error.message);
      if (error instanceof NotFoundError) return { id, state: 'not_found' };
      if (error instanceof RateLimitedError && attempt < RATE_LIMIT_RETRIES) {
        if (!(await sleep(error.retryAfterMs ?? 1000 * 2 ** attempt, signal))) return null;
        continue;
      }
      if (error instanceof SmsbatError) {
        return {
          id,
          state: 'error',
          error: { kind: error.kind, message: error.message, httpStatus: error.httpStatus },
        };
      }
      const message = error instanceof Error ? error.message : String(error);
      return { id, state: 'error', error: { kind: 'network', message, httpStatus: null } };
    }
    return { id, state: 'ok', snapshot };
  }
}
