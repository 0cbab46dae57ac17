import { DEFAULT_BASE_URL, SmsbatClient } from '../core/client';
import type { Credentials } from '../core/credentials';
import { UsageError } from './usage-error';

/** Where the base URL came from, for error messages. */
export interface BaseUrlChoice {
  readonly url: string;
  readonly source: '--base-url' | 'SMSBAT_BASE_URL' | 'default';
}

/** Picks SMSBAT's address: `--base-url`, else `SMSBAT_BASE_URL`, else https://restapi.smsbat.com. */
export function resolveBaseUrl(
  argument: string | null,
  env: Readonly<Record<string, string | undefined>>,
): BaseUrlChoice {
  if (argument !== null) return { url: argument, source: '--base-url' };
  const fromEnv = env.SMSBAT_BASE_URL?.trim() ?? '';
  if (fromEnv !== '') return { url: fromEnv, source: 'SMSBAT_BASE_URL' };
  return { url: DEFAULT_BASE_URL, source: 'default' };
}

/** Creates the HTTP client, turning a rejected base URL into a `UsageError` that says where the URL came from. */
export function createClient(baseUrl: BaseUrlChoice, credentials: Credentials): SmsbatClient {
  try {
    return new SmsbatClient({ baseUrl: baseUrl.url, credentials });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (!detail.includes('baseUrl')) throw error;
    // The client's message already hides any user:password typed into the URL.
    throw new UsageError(
      `${baseUrl.source} is not a usable address: ${detail.replace('`baseUrl`', 'it')}. ` +
        'Give an http or https URL such as https://restapi.smsbat.com (no user name, password, query or fragment).',
    );
  }
}
