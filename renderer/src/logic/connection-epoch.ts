import type { ConnectionInfo } from '../../../shared/contract';

/** What makes a connection a new one: the demo, where the credentials come from, the address and the account. */
export function connectionKey(connection: ConnectionInfo | null): string {
  if (connection === null) return '';
  return [connection.demo, connection.source, connection.baseUrl, connection.signedInAs ?? ''].join('\u0000');
}

/**
 * The last successful check worth showing: none up to `staleUpTo`, the last success of an earlier connection (null:
 * none to hide), so leaving the demo or connecting anew does not carry an old success over.
 */
export function lastSuccessSince(lastSuccessAt: number | null, staleUpTo: number | null): number | null {
  if (lastSuccessAt === null || staleUpTo === null) return lastSuccessAt;
  return lastSuccessAt > staleUpTo ? lastSuccessAt : null;
}
