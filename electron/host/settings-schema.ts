import type { UiPreferences } from '../../shared/contract';
import type { EngineSettings } from '../../shared/engine-api';
import { isSettingName, validateSettings } from '../../shared/engine-settings';
import { DEFAULT_PREFERENCES, mergePreferences } from './preferences';

/**
 * The settings file's format version, kept in its `version` field. conf records the last migration it ran in
 * `__internal__.migrations.version` as `<version>.0.0`, so the two always name the same format.
 */
export const SETTINGS_VERSION = 2;

/** The file's name (without `.json`) in the data directory, for conf's `configName` and electron-store's `name`. */
export const SETTINGS_CONFIG_NAME = 'settings';

/** What conf's `projectVersion` is: the format version as semver (not the app's version). */
export const SETTINGS_PROJECT_VERSION = `${SETTINGS_VERSION}.0.0`;

/** Settings the host keeps: the engine's (as last changed by a person) and the window's preferences. */
export interface SavedSettings {
  readonly engine: Partial<EngineSettings>;
  readonly preferences: UiPreferences;
}

/** The settings file as written (conf adds its own `__internal__` key beside these). */
export interface SettingsFile {
  readonly version: number;
  readonly engine: Record<string, unknown>;
  readonly preferences: Record<string, unknown>;
}

/**
 * The file's shape as JSON Schema (conf checks it with ajv on every read and write): an object whose `version` is a
 * format this build knows, with `engine` and `preferences` objects. Values inside those are read one by one by
 * `readSettingsFile`, so one hand-edited value cannot throw the rest away.
 */
export const SETTINGS_SCHEMA = {
  version: { type: 'integer', minimum: 1, maximum: SETTINGS_VERSION },
  engine: { type: 'object' },
  preferences: { type: 'object' },
} as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 1 (the file written before conf) held `version`, `engine` and `preferences` and nothing else. Version 2
 * is the same data kept by conf: the step fills in a missing part and keeps every value (they are read leniently).
 */
export function migrateToVersion2(file: Record<string, unknown>): Record<string, unknown> {
  return {
    ...file,
    version: 2,
    engine: isObject(file['engine']) ? file['engine'] : {},
    preferences: isObject(file['preferences']) ? file['preferences'] : { ...DEFAULT_PREFERENCES },
  };
}

/** Each format step, keyed by the conf version it brings the file to. */
export const SETTINGS_MIGRATIONS: Readonly<
  Record<string, (file: Record<string, unknown>) => Record<string, unknown>>
> = {
  '2.0.0': migrateToVersion2,
};

/** Runs every step after `fromVersion` on a plain object (for a file that can be read but not rewritten). */
export function migrateInMemory(file: Record<string, unknown>): Record<string, unknown> {
  const from = typeof file['version'] === 'number' ? file['version'] : 0;
  let result = file;
  for (const [version, step] of Object.entries(SETTINGS_MIGRATIONS)) {
    if (Number.parseInt(version, 10) > from) result = step(result);
  }
  return result;
}

/**
 * Keeps the saved engine settings the engine would accept (the same check as a change from the window); a value it
 * would refuse, such as a base URL that is not http(s), is left out with the reason.
 */
function engineSettingsFrom(saved: Record<string, unknown>, ignored: string[]): Partial<EngineSettings> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(saved)) {
    if (!isSettingName(key)) {
      ignored.push(`engine.${key}`);
      continue;
    }
    const problem = validateSettings({ [key]: value })[0];
    if (problem === undefined) result[key] = value;
    else ignored.push(`engine.${key} (${problem.message.replace(/\.$/, '')})`);
  }
  return result;
}

const THEMES: readonly unknown[] = ['light', 'dark', 'system'];
const LANGUAGES: readonly unknown[] = ['en', 'uk', 'system'];

/** Reads what a saved `preferences` object holds, keeping only known values. */
function preferencesFrom(saved: Record<string, unknown>, ignored: string[]): UiPreferences {
  const theme = THEMES.includes(saved['theme']) ? (saved['theme'] as UiPreferences['theme']) : undefined;
  const language = LANGUAGES.includes(saved['language'])
    ? (saved['language'] as UiPreferences['language'])
    : undefined;
  if (theme === undefined && saved['theme'] !== undefined) ignored.push('preferences.theme');
  if (language === undefined && saved['language'] !== undefined) ignored.push('preferences.language');
  const notify = isObject(saved['notify']) ? saved['notify'] : {};
  if (saved['notify'] !== undefined && !isObject(saved['notify'])) ignored.push('preferences.notify');
  const flag = (key: 'delivered' | 'failed' | 'overdue'): boolean => {
    const value = notify[key];
    if (typeof value === 'boolean') return value;
    if (value !== undefined) ignored.push(`preferences.notify.${key}`);
    return DEFAULT_PREFERENCES.notify[key];
  };
  return mergePreferences(DEFAULT_PREFERENCES, {
    theme,
    language,
    notify: { delivered: flag('delivered'), failed: flag('failed'), overdue: flag('overdue') },
  });
}

/** What a readable settings file holds, and the names of the values it held that were left out. */
export function readSettingsFile(file: Record<string, unknown>): {
  readonly settings: SavedSettings;
  readonly ignored: readonly string[];
} {
  const ignored: string[] = [];
  const engine = isObject(file['engine']) ? engineSettingsFrom(file['engine'], ignored) : {};
  const preferences = isObject(file['preferences'])
    ? preferencesFrom(file['preferences'], ignored)
    : DEFAULT_PREFERENCES;
  return { settings: { engine, preferences }, ignored };
}

/** The file's content for some settings. */
export function settingsFileFor(settings: SavedSettings): SettingsFile {
  return {
    version: SETTINGS_VERSION,
    engine: { ...settings.engine },
    preferences: { ...settings.preferences },
  };
}
