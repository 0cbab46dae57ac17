import type { CliIo, TextSink } from './io';

/** Secrets shorter than this are not redacted (replacing every "ab" in the output would garble it). */
const MIN_SECRET_LENGTH = 4;

/** The secret values in the environment that must never appear in output: the API key and the password. */
export function secretsFromEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  const values = [env.SMSBAT_API_KEY, env.SMSBAT_API_KEY?.trim(), env.SMSBAT_PASSWORD];
  return [
    ...new Set(
      values.filter((value): value is string => value !== undefined && value.length >= MIN_SECRET_LENGTH),
    ),
  ].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of each secret with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join('***');
  return result;
}

/**
 * The same io, with stdout and stderr that redact the environment's secrets: a last line of defence, so that
 * no code path (an error message from a server, a bug) can print a credential.
 */
export function redactingIo(io: CliIo): CliIo {
  const secrets = secretsFromEnv(io.env);
  if (secrets.length === 0) return io;
  const wrap = (sink: TextSink): TextSink => ({ write: (text: string) => sink.write(redact(text, secrets)) });
  return { ...io, stdout: wrap(io.stdout), stderr: wrap(io.stderr) };
}
