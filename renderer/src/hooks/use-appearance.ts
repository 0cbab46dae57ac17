import { useEffect, useState } from 'react';
import type { i18n } from 'i18next';
import type { UiPreferences } from '../../../shared/contract';
import { resolveLanguage } from '../i18n/languages';

/** True while the OS asks for reduced motion. */
export function useReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const list = matchMedia(query);
    const onChange = () => {
      setReduced(list.matches);
    };
    list.addEventListener('change', onChange);
    return () => {
      list.removeEventListener('change', onChange);
    };
  }, []);
  return reduced;
}

/** Applies the theme (system / light / dark) and the language (system follows the OS locale) to the document. */
export function useAppearance(preferences: UiPreferences | null, i18next: i18n): void {
  const theme = preferences?.theme ?? 'system';
  const choice = preferences?.language ?? 'system';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    const language = resolveLanguage(
      choice,
      navigator.languages.length > 0 ? navigator.languages : [navigator.language],
    );
    document.documentElement.lang = language;
    if (i18next.language !== language) void i18next.changeLanguage(language);
  }, [choice, i18next]);
}
