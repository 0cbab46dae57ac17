import type { StatusSnapshot } from '../../../shared/message';
import type { SmsbatClient } from '../../core/client';
import {
  AuthError,
  NotFoundError,
  RateLimitedError,
  SmsbatError,
  WrongBaseUrlError,
} from '../../core/errors';
import type { CheckArgs } from '../args';
import { formatAuthFailure, formatWrongBaseUrl } from '../auth-help';
import type { CheckResult, SkipReason } from '../check-result';
import { createClient, resolveBaseUrl } from '../connection';
import { credentialsFromEnv } from '../../core/credentials-from-env';
import { EXIT, signalExitCode } from '../exit-codes';
import { formatCheckTable, plural } from '../format';
import type { CliIo, StopSignal } from '../io';
import { checkResultJson } from '../json-output';
import { checkExitCode } from '../outcome';
import { forEachPaced, sleep } from '../paced';
import { progressLine } from '../progress';
import { readIds } from '../read-ids';

/** Requests a `check` keeps in flight at once (the `--rate` pacing applies on top). */
export const CHECK_CONCURRENCY = 4;

/** How often a check answered 429 is tried again before it is reported. */
const RATE_LIMIT_RETRIES = 3;

/** Thrown inside a check when no check can succeed (credentials rejected, not SMSBAT's address): all stop. */
class Blocked {
  constructor(
    readonly kind: 'credentials_rejected' | 'wrong_base_url',
    readonly reason: string,
  ) {}
}

/**
 * `smsbat-monitor check <id...>`: one status request per id, paced by `--rate`, printed as a table or a JSON
 * array, with a progress line on a terminal for large batches. Ctrl-C prints the results so far and exits 130.
 * Exit code: see `checkExitCode`; 3 when SMSBAT rejects the credentials or the base URL is not SMSBAT's.
 */
export async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  const credentials = credentialsFromEnv(io.env);
  const baseUrl = resolveBaseUrl(args.baseUrl, io.env);
  const ids = await readIds(args.idTokens, io, 'check');
  const client = createClient(baseUrl, credentials.credentials);

  const controller = new AbortController();
  const stop: { skip: SkipReason; signal: StopSignal | null; blocked: Blocked | null } = {
    skip: 'timeout',
    signal: null,
    blocked: null,
  };
  const timer =
    args.timeoutSeconds === null
      ? null
      : setTimeout(() => {
          controller.abort(new Error('--timeout passed'));
        }, args.timeoutSeconds * 1000);
  const offSignal = io.onSignal((signal) => {
    if (controller.signal.aborted) return;
    stop.skip = 'interrupted';
    stop.signal = signal;
    controller.abort(new Error(`stopped by ${signal}`));
  });

  const results: CheckResult[] = ids.map((id) => ({ id, state: 'skipped', reason: 'timeout' }));
  const progress = progressLine(io.stderr, ids.length);
  let done = 0;
  try {
    await forEachPaced(
      ids,
      { perSecond: args.rate, concurrency: CHECK_CONCURRENCY, signal: controller.signal },
      async (id, index) => {
        const outcome = await checkOne(client, id, controller.signal);
        if (outcome instanceof Blocked) {
          stop.blocked ??= outcome;
          controller.abort(new Error(outcome.reason));
          return;
        }
        if (outcome === null) return;
        results[index] = outcome;
        done += 1;
        progress.update(done);
      },
    );
  } finally {
    progress.clear();
    offSignal();
    if (timer !== null) clearTimeout(timer);
    await client.close();
  }

  if (stop.blocked !== null) {
    io.stderr.write(
      stop.blocked.kind === 'credentials_rejected'
        ? formatAuthFailure(stop.blocked.reason, credentials, baseUrl)
        : formatWrongBaseUrl(stop.blocked.reason, baseUrl),
    );
    return EXIT.cannotRun;
  }
  const shown = results.map((result) =>
    result.state === 'skipped' ? { ...result, reason: stop.skip } : result,
  );
  if (args.json) {
    io.stdout.write(`${JSON.stringify(shown.map(checkResultJson), null, 2)}\n`);
  } else {
    io.stdout.write(`${formatCheckTable(shown)}\n`);
  }
  const skipped = shown.filter((result) => result.state === 'skipped').length;
  if (stop.signal !== null) {
    const by = stop.signal === 'SIGINT' ? 'Ctrl-C' : stop.signal;
    io.stderr.write(
      `smsbat-monitor: stopped by ${by}${skipped > 0 ? ` before ${plural(skipped, 'id')} could be checked` : ''}.\n`,
    );
    return signalExitCode(stop.signal);
  }
  if (skipped > 0) {
    io.stderr.write(
      `smsbat-monitor: --timeout ${args.timeoutSeconds ?? '?'} s passed before ${plural(skipped, 'id')} could be checked.\n`,
    );
  }
  return checkExitCode(shown);
}

/**
 * Checks one id, trying again after a 429 (honouring `Retry-After`). Null when the check was aborted (the result
 * stays "skipped"); `Blocked` when the credentials were rejected or the base URL is not SMSBAT's.
 */
async function checkOne(
  client: SmsbatClient,
  id: string,
  signal: AbortSignal,
): Promise<CheckResult | Blocked | null> {
  for (let attempt = 0; ; attempt += 1) {
    let snapshot: StatusSnapshot;
    try {
      snapshot = await client.getStatus(id, signal);
    } catch (error) {
      if (signal.aborted) return null;
      if (error instanceof AuthError) return new Blocked('credentials_rejected', error.message);
      if (error instanceof WrongBaseUrlError) return new Blocked('wrong_base_url', error.message);
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
