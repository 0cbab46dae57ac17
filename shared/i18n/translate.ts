import type { Language } from './languages';
import { NOTIFICATION_WORDS } from './notification-words';
import { STATE_WORDS } from './state-words';
import { TRAY_WORDS } from './tray-words';

/** A catalog section: keys to texts with `{{name}}` placeholders. */
type Section = Readonly<Record<string, string>>;

/** The sections the main process speaks, named as in the window's catalogs (`title.failed`, `notify.summary`...). */
const SECTIONS: Readonly<Record<Language, Readonly<Record<string, Section>>>> = {
  en: { title: STATE_WORDS.en, notify: NOTIFICATION_WORDS.en, tray: TRAY_WORDS.en },
  uk: { title: STATE_WORDS.uk, notify: NOTIFICATION_WORDS.uk, tray: TRAY_WORDS.uk },
};

/** Looks a key up like i18next does for these catalogs: `section.key`, plural suffixes by `count`, `{{name}}` values. */
export type Translate = (key: string, values?: Readonly<Record<string, string | number>>) => string;

/**
 * The shared words in one language, read the way the window's i18next reads the same catalogs: a `count` picks the
 * `_one` / `_few` / `_many` / `_other` form by the language's plural rules. An unknown key reads as itself.
 */
export function translator(language: Language): Translate {
  const rules = new Intl.PluralRules(language);
  return (key, values = {}) => {
    const dot = key.indexOf('.');
    const section = SECTIONS[language][key.slice(0, dot)] ?? SECTIONS.en[key.slice(0, dot)];
    const name = key.slice(dot + 1);
    const count = values.count;
    const text =
      (typeof count === 'number'
        ? (section?.[`${name}_${rules.select(count)}`] ?? section?.[`${name}_other`])
        : undefined) ??
      section?.[name] ??
      key;
    return text.replace(/\{\{(\w+)\}\}/g, (whole, field: string) => {
      const value = values[field];
      return value === undefined ? whole : String(value);
    });
  };
}
