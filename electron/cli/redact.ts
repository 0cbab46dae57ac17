import type { Credentials } from '../core/credentials';
import { maskSecrets, secretsOf } from '../core/secret-mask';
import type { CliIo, TextSink } from './io';

/**
 * Every form of the environment's secrets that must never appear in output (see `secretsOf`): the API key as
 * set and trimmed, the password, `user:password` and their Basic (base64) values, in any letter case.
 */
export function secretsFromEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  const credentials: Credentials[] = [];
  for (const apiKey of [env.SMSBAT_API_KEY, env.SMSBAT_API_KEY?.trim()]) {
    if (apiKey !== undefined && apiKey !== '') credentials.push({ method: 'basic-api-key', apiKey });
  }
  if (env.SMSBAT_PASSWORD !== undefined && env.SMSBAT_PASSWORD !== '') {
    const username = env.SMSBAT_USERNAME?.trim() ?? '';
    credentials.push({ method: 'basic', username, password: env.SMSBAT_PASSWORD });
  }
  return secretsOf(...credentials);
}

/**
 * The same io, with stdout and stderr that mask the environment's secrets: a last line of defence, so that
 * no code path (an error message from a server, a bug) can print a credential.
 */
export function redactingIo(io: CliIo): CliIo {
  const secrets = secretsFromEnv(io.env);
  if (secrets.length === 0) return io;
  const wrap = (sink: TextSink): TextSink => ({
    write: (text: string) => sink.write(maskSecrets(text, secrets)),
    isTTY: sink.isTTY === true,
  });
  return { ...io, stdout: wrap(io.stdout), stderr: wrap(io.stderr) };
}
