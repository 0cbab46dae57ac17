import type { i18n as I18n } from 'i18next';

const MARK = '\u0000';

/** Templates per i18next instance and language: a key's text split around its values. */
const templates = new WeakMap<I18n, Map<string, Map<string, readonly string[]>>>();

/**
 * `t(key, values)` for string values, from a template made once per language, key and value names: the text is
 * built once with markers in place of the values and later filled in. The list draws the same few texts with a new
 * id in every row, and i18next's own lookup and interpolation for each was a large part of drawing 30 rows.
 */
export function templateText(i18n: I18n, key: string, values: Readonly<Record<string, string>> = {}): string {
  const language = i18n.language;
  let byLanguage = templates.get(i18n);
  if (byLanguage === undefined) {
    byLanguage = new Map();
    templates.set(i18n, byLanguage);
  }
  let byKey = byLanguage.get(language);
  if (byKey === undefined) {
    byKey = new Map();
    byLanguage.set(language, byKey);
  }
  const names = Object.keys(values);
  const id = names.length === 0 ? key : `${key}${MARK}${names.join(MARK)}`;
  let parts = byKey.get(id);
  if (parts === undefined) {
    const marks = Object.fromEntries(names.map((name, index) => [name, `${MARK}${String(index)}${MARK}`]));
    // A key chosen at run time: the catalog's typed keys cannot name it.
    const text: string = (i18n.t as (key: string, options: object) => string)(key, marks);
    parts = text.split(MARK);
    byKey.set(id, parts);
  }
  if (parts.length === 1) return parts[0] ?? '';
  let text = '';
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index] ?? '';
    text += index % 2 === 0 ? part : (values[names[Number(part)] ?? ''] ?? '');
  }
  return text;
}
