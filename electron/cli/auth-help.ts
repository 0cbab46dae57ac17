import type { BaseUrlChoice } from './connection';
import type { EnvCredentials } from '../core/credentials-from-env';

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

/**
 * What to print when the base URL does not answer like SMSBAT: what it answered, where the address came from,
 * and how to give the right one.
 */
export function formatWrongBaseUrl(reason: string, baseUrl: BaseUrlChoice): string {
  const from = baseUrl.source === 'default' ? 'the default' : `from ${baseUrl.source}`;
  return [
    `smsbat-monitor: ${baseUrl.url} does not answer like SMSBAT: ${reason}`,
    `  Address: ${from}.`,
    '  Fix: set SMSBAT_BASE_URL or --base-url to the SMSBAT API address (https://restapi.smsbat.com unless your',
    '  account manager gave you another), without /bat/message.',
    '',
  ].join('\n');
}
