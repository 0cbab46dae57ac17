export { LANGUAGES, resolveLanguage, type Language } from '../../../shared/i18n/languages';
