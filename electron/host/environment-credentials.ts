import { CREDENTIAL_ENV_VARS, credentialsFromEnv } from '../core/credentials-from-env';
import { DEFAULT_BASE_URL } from '../core/client';
import type { EngineConnection } from './engine-port';

/** What the environment says about credentials: none set, usable ones, or set but unusable (with why). */
export type EnvironmentConnection =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly connection: EngineConnection }
  | { readonly kind: 'unusable'; readonly message: string };

/**
 * Reads credentials the way the CLI does (SMSBAT_API_KEY, or SMSBAT_USERNAME + SMSBAT_PASSWORD, SMSBAT_AUTH) and
 * the address from SMSBAT_BASE_URL. The messages never contain a secret.
 */
export function connectionFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): EnvironmentConnection {
  const anySet = CREDENTIAL_ENV_VARS.some((name) => (env[name] ?? '').trim() !== '');
  if (!anySet) return { kind: 'none' };
  try {
    const { credentials } = credentialsFromEnv(env);
    const baseUrl = env['SMSBAT_BASE_URL']?.trim() || DEFAULT_BASE_URL;
    return { kind: 'ok', connection: { baseUrl, credentials } };
  } catch (error) {
    return { kind: 'unusable', message: error instanceof Error ? error.message : String(error) };
  }
}
