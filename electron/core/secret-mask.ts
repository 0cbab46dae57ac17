import type { Credentials } from '../../shared/credentials';

/**
 * The one place secrets are masked: SMSBAT's error texts, the CLI's output and anything else that could carry a
 * credential back to people, a log or a file go through `maskSecrets` with the forms `secretsOf` lists.
 */

/**
 * Secrets shorter than this are not masked: a one-character password would otherwise turn every such character
 * of a message into the mask. Such a password cannot be told apart from ordinary text anyway.
 */
export const MIN_MASKED_SECRET_CHARS = 4;

/** What a masked secret reads as. */
export const SECRET_MASK = '***';

/**
 * Every form in which the credentials could come back, longest first, each at least `MIN_MASKED_SECRET_CHARS`
 * long: the API key, the password and `user:password` as they are, JSON-escaped and percent-encoded; and in
 * base64 (standard and URL-safe), the Basic values `@:key` and `user:password` and the key or password alone,
 * wherever they start in an encoded text. `maskSecrets` matches them in any letter case.
 */
export function secretsOf(...credentials: readonly Credentials[]): string[] {
  const found = new Set<string>();
  const add = (form: string): void => {
    if (form.length >= MIN_MASKED_SECRET_CHARS) found.add(form);
  };
  for (const given of credentials) {
    const plain =
      given.method === 'basic'
        ? [given.password, `${given.username}:${given.password}`]
        : [given.apiKey, `@:${given.apiKey}`];
    const secret = given.method === 'basic' ? given.password : given.apiKey;
    for (const text of plain) {
      for (const form of [text, ...escapedForms(text)]) add(form);
      for (const encoded of base64Forms(text, 0)) add(encoded);
    }
    // The key or password alone, encoded inside a longer base64 text at any of the three alignments.
    for (const offset of [1, 2]) for (const encoded of base64Forms(secret, offset)) add(encoded);
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * `text` with every occurrence of each secret, in any letter case, replaced by `SECRET_MASK`, until none is left
 * (masking could join the text around a secret into another occurrence).
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  if (text.length < MIN_MASKED_SECRET_CHARS) return text;
  const pattern = patternFor(secrets);
  if (pattern === null) return text;
  let masked = text;
  for (;;) {
    const next = masked.replace(pattern, SECRET_MASK);
    // Each replacement shortens the text (a secret is longer than the mask), so this ends.
    if (next === masked) return masked;
    masked = next;
  }
}

/** Compiled patterns of the secret lists used lately (a client masks many texts with the same list). */
const patterns = new Map<string, RegExp | null>();
const MAX_CACHED_PATTERNS = 8;

/** One case-insensitive pattern matching any of the secrets, longest first; null when none is long enough. */
function patternFor(secrets: readonly string[]): RegExp | null {
  const key = secrets.join('\u0000');
  const cached = patterns.get(key);
  if (cached !== undefined) return cached;
  const usable = secrets
    .filter((secret) => secret.length >= MIN_MASKED_SECRET_CHARS)
    .sort((a, b) => b.length - a.length);
  const pattern = usable.length === 0 ? null : new RegExp(usable.map(escapeRegExp).join('|'), 'giu');
  if (patterns.size >= MAX_CACHED_PATTERNS) patterns.clear();
  patterns.set(key, pattern);
  return pattern;
}

/** How a secret may appear escaped in JSON (`"`, `\`, `/`, controls, non-ASCII) or percent-encoded in a URL. */
function escapedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const asciiJson = json.replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  let percent: string | null = null;
  try {
    percent = encodeURIComponent(secret);
  } catch {
    // A lone surrogate cannot be percent-encoded; the secret cannot be sent that way either.
  }
  return [json, json.replace(/\//g, '\\/'), asciiJson, ...(percent === null ? [] : [percent])].filter(
    (form) => form !== secret,
  );
}

/**
 * The base64 characters (standard and URL-safe) that depend only on `text`'s bytes when `offset` other bytes come
 * before it in the encoded data (with and without padding at the start of the data; elsewhere without the
 * characters the neighbouring bytes also shape).
 */
function base64Forms(text: string, offset: number): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const data = Buffer.concat([Buffer.alloc(offset), bytes]);
  const encoded = data.toString('base64');
  // Whole groups of three bytes map to four characters; the first group is shared with the bytes before.
  const start = offset === 0 ? 0 : 4;
  const end = Math.floor(data.length / 3) * 4;
  const stable = encoded.slice(start, end);
  const padded = encoded.slice(start);
  const forms = offset === 0 ? [padded, padded.replace(/=+$/, ''), stable] : [stable];
  return forms.flatMap((form) => [form, form.replace(/\+/g, '-').replace(/\//g, '_')]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
