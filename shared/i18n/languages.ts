/** The languages the app speaks. */
export const LANGUAGES = ['en', 'uk'] as const;

/** One of the app's languages. */
export type Language = (typeof LANGUAGES)[number];

/**
 * Picks the language: the chosen one, or for "system" the first of the OS's preferred languages the app speaks
 * (Ukrainian for "uk", "uk-UA"...), else English.
 */
export function resolveLanguage(choice: 'system' | Language, preferred: readonly string[]): Language {
  if (choice !== 'system') return choice;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const match = LANGUAGES.find((language) => language === base);
    if (match !== undefined) return match;
  }
  return 'en';
}
