import type { ConnectionTestResult } from '../../shared/contract';
import { describeCredentials } from '../../shared/credentials';
import { SmsbatClient } from '../core/client';
import { SmsbatError } from '../core/errors';
import type { EngineConnection } from './engine-port';

/** The id "Test connection" asks about: SMSBAT answers 404 for it when the credentials are good. */
export const CONNECTION_TEST_MESSAGE_ID = 'connection-test';

/** How a failed test reads, in the glossary's blocker words where one fits. */
const KIND_BY_ERROR: Readonly<Record<string, string>> = {
  auth: 'credentials_rejected',
  wrong_base_url: 'wrong_base_url',
  network: 'offline',
  timeout: 'offline',
  rate_limited: 'rate_limited',
};

/** Turns what a test check ended in into the result the window shows. */
export function connectionTestResult(
  connection: EngineConnection,
  outcome: { readonly ok: true } | { readonly ok: false; readonly error: unknown },
): ConnectionTestResult {
  if (outcome.ok) return { ok: true, signedInAs: describeCredentials(connection.credentials) };
  const { error } = outcome;
  if (error instanceof SmsbatError) {
    if (error.kind === 'not_found')
      return { ok: true, signedInAs: describeCredentials(connection.credentials) };
    return { ok: false, kind: KIND_BY_ERROR[error.kind] ?? error.kind, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, kind: 'invalid_connection', message };
}

/**
 * Tries credentials against a base URL with one status request, without saving anything: success (SMSBAT knows
 * the key, whatever it says about the test id), or the exact reason it failed.
 */
export async function testConnection(
  connection: EngineConnection,
  timeoutMs = 10_000,
): Promise<ConnectionTestResult> {
  let client: SmsbatClient;
  try {
    client = new SmsbatClient({
      baseUrl: connection.baseUrl,
      credentials: connection.credentials,
      timeoutMs,
      connections: 1,
    });
  } catch (error) {
    return connectionTestResult(connection, { ok: false, error });
  }
  try {
    await client.getStatus(CONNECTION_TEST_MESSAGE_ID);
    return connectionTestResult(connection, { ok: true });
  } catch (error) {
    return connectionTestResult(connection, { ok: false, error });
  } finally {
    await client.close();
  }
}
