import type { TFunction } from 'i18next';

/** SMSBAT's documented status words, and `not_used`, the status of a fallback that was not needed. */
const KNOWN_RAW = new Set([
  'scheduled',
  'processing',
  'delivered',
  'undeliverable',
  'permanenterror',
  'not_used',
]);

/** The catalog key (and values) of SMSBAT's status word: a known word's own key, else the quoted unknown word. */
export function rawStatusKey(raw: string): { readonly key: string; readonly values?: { raw: string } } {
  const key = raw.trim().toLowerCase();
  return KNOWN_RAW.has(key) ? { key: `rawStatus.${key}` } : { key: 'rawStatus.unknown', values: { raw } };
}

/** SMSBAT's status word ("delivered", "Undeliverable"...) in the window's language; unknown words are quoted. */
export function rawStatusWord(t: TFunction, raw: string): string {
  const key = raw.trim().toLowerCase();
  if (KNOWN_RAW.has(key)) return t(`rawStatus.${key as 'scheduled'}`);
  return t('rawStatus.unknown', { raw });
}
