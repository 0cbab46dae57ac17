import type { TFunction } from 'i18next';

/**
 * Sentences the monitor writes in English (who the credentials sign in as, why a check failed) that reach the
 * window, each with its catalog key; the parts that come from outside (a reason SMSBAT gave, an address) are kept.
 */
const KNOWN_HOST_TEXT: readonly {
  readonly pattern: RegExp;
  readonly key: string;
  readonly names: readonly string[];
}[] = [
  { pattern: /^API key ending (.+)$/s, key: 'host.apiKeyEnding', names: ['last'] },
  { pattern: /^user (.+)$/s, key: 'host.user', names: ['name'] },
  { pattern: /^SMSBAT rejected the credentials: (.*)$/s, key: 'host.credentialsRejected', names: ['reason'] },
  {
    pattern: /^Could not connect to SMSBAT at (\S+?): (.*)$/s,
    key: 'host.couldNotConnect',
    names: ['url', 'reason'],
  },
];

/** The catalog key and values of a sentence from the monitor, or null for one the window does not know. Pure. */
export function hostTextKey(
  text: string,
): { readonly key: string; readonly values: Readonly<Record<string, string>> } | null {
  for (const { pattern, key, names } of KNOWN_HOST_TEXT) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const values = Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? '']));
    return { key, values };
  }
  return null;
}

/** A sentence from the monitor in the window's language when it is a known one, else as it came. */
export function hostText(t: TFunction, text: string): string {
  const known = hostTextKey(text);
  // The keys come from the table above; the catalog type keeps them in both languages.
  return known === null ? text : t(known.key as 'host.user', { name: '', ...known.values });
}
