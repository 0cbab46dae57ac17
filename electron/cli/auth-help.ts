import type { BaseUrlChoice } from './connection';
import type { EnvCredentials } from './credentials-from-env';

/**
 * What to print when SMSBAT rejects the credentials: SMSBAT's reason, which credentials were sent (by variable
 * name, never the value) to which address, and what to do.
 */
export function formatAuthFailure(
  reason: string,
  credentials: Pick<EnvCredentials, 'source' | 'fix'>,
  baseUrl: BaseUrlChoice,
): string {
  const where = baseUrl.source === 'default' ? baseUrl.url : `${baseUrl.url} (from ${baseUrl.source})`;
  return [
    `smsbat-monitor: ${reason}`,
    `  Sent: ${credentials.source}, to ${where}.`,
    `  Fix: ${credentials.fix}`,
    '',
  ].join('\n');
}
