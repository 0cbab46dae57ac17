import type { BaseUrlChoice } from './connection';
import { DEFAULT_BASE_URL } from '../core/client';
import type { EnvCredentials } from '../core/credentials-from-env';

/** True for SMSBAT's own API address (any path or port on its host). */
function isSmsbatAddress(url: string): boolean {
  try {
    return new URL(url).hostname === new URL(DEFAULT_BASE_URL).hostname;
  } catch {
    return false;
  }
}

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
  const lines = [
    `smsbat-monitor: ${reason}`,
    `  Sent: ${credentials.source}, to ${where}.`,
    `  Fix: ${credentials.fix}`,
  ];
  if (!isSmsbatAddress(baseUrl.url)) {
    lines.push(
      `  If ${baseUrl.url} is not the SMSBAT API (a proxy, another service, a typo), the 401 may not be SMSBAT's:`,
      `  check the address in ${baseUrl.source === 'default' ? 'SMSBAT_BASE_URL or --base-url' : baseUrl.source} (set SMSBAT_BASE_URL or --base-url to ${DEFAULT_BASE_URL}`,
      '  unless your account manager gave you another).',
    );
  }
  return [...lines, ''].join('\n');
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
