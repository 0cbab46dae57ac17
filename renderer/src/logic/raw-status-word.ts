import type { TFunction } from 'i18next';

const KNOWN_RAW = new Set(['scheduled', 'processing', 'delivered', 'undeliverable', 'permanenterror']);

/** SMSBAT's status word ("delivered", "Undeliverable"...) in the window's language; unknown words are quoted. */
export function rawStatusWord(t: TFunction, raw: string): string {
  const key = raw.trim().toLowerCase();
  if (KNOWN_RAW.has(key)) return t(`rawStatus.${key as 'scheduled'}`);
  return t('rawStatus.unknown', { raw });
}
