import type { Credentials } from '../credentials';

/**
 * Secrets shorter than this are not masked: a one-character password would otherwise turn every such character
 * of a message into the mask. Such a password cannot be told apart from ordinary text anyway.
 */
export const MIN_MASKED_SECRET_CHARS = 4;

/** What a masked secret reads as. */
export const SECRET_MASK = '***';

/**
 * The strings that would reveal the credentials if SMSBAT echoed them, longest first: the API key or password,
 * `user:password`, the Basic value (base64, without `=` padding so that an unpadded echo is caught too), and the
 * JSON-escaped forms of each. Only strings of at least `MIN_MASKED_SECRET_CHARS` characters.
 */
export function secretsOf(...credentials: readonly Credentials[]): string[] {
  const found = new Set<string>();
  for (const given of credentials) {
    const plain =
      given.method === 'basic'
        ? [given.password, `${given.username}:${given.password}`, basicValue(given.username, given.password)]
        : [given.apiKey, ...(given.method === 'basic-api-key' ? [basicValue('@', given.apiKey)] : [])];
    for (const secret of plain) {
      for (const form of [secret, ...jsonEscaped(secret)]) {
        if (form.length >= MIN_MASKED_SECRET_CHARS) found.add(form);
      }
    }
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of each secret replaced by `SECRET_MASK`; pass secrets longest first. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_MASKED_SECRET_CHARS && masked.includes(secret)) {
      masked = masked.split(secret).join(SECRET_MASK);
    }
  }
  return masked;
}

function basicValue(user: string, password: string): string {
  return Buffer.from(`${user}:${password}`, 'utf8').toString('base64').replace(/=+$/, '');
}

/** How a secret may appear inside a JSON string when it has characters JSON escapes (`"`, `\`, `/`, controls). */
function jsonEscaped(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  return [escaped, escaped.replace(/\//g, '\\/')].filter((form) => form !== secret);
}
