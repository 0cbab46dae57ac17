import { MIN_MASKED_SECRET_CHARS, maskSecrets } from '../core/client';
import type { CliIo, TextSink } from './io';

/** The secret values in the environment that must never appear in output: the API key and the password. */
export function secretsFromEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  const values = [env.SMSBAT_API_KEY, env.SMSBAT_API_KEY?.trim(), env.SMSBAT_PASSWORD];
  return [
    ...new Set(
      values.filter(
        (value): value is string => value !== undefined && value.length >= MIN_MASKED_SECRET_CHARS,
      ),
    ),
  ].sort((a, b) => b.length - a.length);
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
