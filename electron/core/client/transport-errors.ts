/** Error codes (Node's and undici's) that mean the connection was cut before a full response arrived. */
const CLOSED = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);
const UNRESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const UNREACHABLE = new Set([
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
]);

/**
 * Says in one line why a request got no response, e.g. "connection refused", naming only the origin and the error
 * code: never a header, so never a credential.
 */
export function describeTransportFailure(error: unknown, origin: string): string {
  const code = findCode(error);
  const where = `SMSBAT at ${origin}`;
  if (code === undefined) return `Could not reach ${where}`;
  if (code === 'ECONNREFUSED') return `Could not connect to ${where}: connection refused (${code})`;
  if (CLOSED.has(code)) return `The connection to ${where} closed before the response arrived (${code})`;
  if (UNRESOLVED.has(code)) return `Could not find the host of ${where} (${code})`;
  if (UNREACHABLE.has(code)) return `Could not reach ${where}: network unreachable (${code})`;
  if (isTlsCode(code)) return `Could not establish a secure connection to ${where} (${code})`;
  if (code.startsWith('HPE_') || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
    return `${where} sent a malformed HTTP response (${code})`;
  }
  return `Could not reach ${where} (${code})`;
}

function isTlsCode(code: string): boolean {
  return (
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.includes('CERT') ||
    code === 'EPROTO' ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
  );
}

/**
 * The most specific error code in an error, its causes and (for an `AggregateError` from trying IPv4 and IPv6)
 * its inner errors: a Node code such as ECONNREFUSED beats undici's generic UND_ERR_SOCKET.
 */
function findCode(error: unknown): string | undefined {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if ('code' in current && typeof current.code === 'string') codes.push(current.code);
    if ('cause' in current) queue.push(current.cause);
    if (current instanceof AggregateError) queue.push(...(current.errors as unknown[]));
  }
  return codes.find((code) => !code.startsWith('UND_ERR_')) ?? codes[0];
}
