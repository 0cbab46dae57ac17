import { AUTH_METHODS } from './credentials';
import type { EngineSettings, SettingsProblem } from './engine-api';

/** SMSBAT's documented base URL. */
export const SMSBAT_BASE_URL = 'https://restapi.smsbat.com';

/** The settings an engine starts with unless told otherwise. */
export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  rateCapPerSecond: 10,
  concurrency: 4,
  watchWindowMs: 86_400_000,
  firstIntervalMs: 5_000,
  baseUrl: SMSBAT_BASE_URL,
  authMethod: 'api-key-header',
};

/** The range each numeric setting accepts. */
export const SETTINGS_LIMITS = {
  /** SMSBAT allows 50 status requests per second. */
  rateCapPerSecond: { min: 0.1, max: 50, integer: false },
  concurrency: { min: 1, max: 50, integer: true },
  /** One minute to seven days. */
  watchWindowMs: { min: 60_000, max: 7 * 86_400_000, integer: true },
  /** One second (no id is checked more often) to one minute (the longest gap between early checks). */
  firstIntervalMs: { min: 1_000, max: 60_000, integer: true },
} as const;

type NumericSetting = keyof typeof SETTINGS_LIMITS;

const SETTING_NAMES: ReadonlySet<string> = new Set<keyof EngineSettings>([
  'rateCapPerSecond',
  'concurrency',
  'watchWindowMs',
  'firstIntervalMs',
  'baseUrl',
  'authMethod',
]);

/** True for the name of a setting. */
export function isSettingName(name: string): name is keyof EngineSettings {
  return SETTING_NAMES.has(name);
}

/**
 * Checks a partial settings object, whatever its static type (it may come from any host): one problem per
 * setting that is refused, naming it and saying why. An empty array means every given setting is acceptable.
 * Names that are not settings are reported by `unknownSettings`.
 */
export function validateSettings(
  partial: Readonly<Partial<Record<keyof EngineSettings, unknown>>>,
): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const name of Object.keys(SETTINGS_LIMITS) as NumericSetting[]) {
    const value = partial[name];
    if (value === undefined) continue;
    const message = numberProblem(name, value);
    if (message !== null) problems.push({ setting: name, message });
  }
  if (partial.baseUrl !== undefined) {
    const message = baseUrlProblem(partial.baseUrl);
    if (message !== null) problems.push({ setting: 'baseUrl', message });
  }
  if (
    partial.authMethod !== undefined &&
    !(AUTH_METHODS as readonly unknown[]).includes(partial.authMethod)
  ) {
    problems.push({
      setting: 'authMethod',
      message: `Auth method must be one of ${AUTH_METHODS.join(', ')}.`,
    });
  }
  return problems;
}

/** The keys of `partial` that are not settings. */
export function unknownSettings(partial: object): string[] {
  return Object.keys(partial).filter((name) => !isSettingName(name));
}

function numberProblem(name: NumericSetting, value: unknown): string | null {
  const { min, max, integer } = SETTINGS_LIMITS[name];
  const range = `from ${min} to ${max}`;
  if (typeof value !== 'number' || !Number.isFinite(value))
    return `${label(name)} must be a number ${range}.`;
  if (integer && !Number.isInteger(value)) return `${label(name)} must be a whole number ${range}.`;
  if (value < min || value > max) return `${label(name)} must be ${range}; got ${value}.`;
  return null;
}

function label(name: NumericSetting): string {
  switch (name) {
    case 'rateCapPerSecond':
      return 'The rate cap (requests per second)';
    case 'concurrency':
      return 'Concurrency (requests at once)';
    case 'watchWindowMs':
      return 'The watch window (ms)';
    case 'firstIntervalMs':
      return 'The first interval (ms)';
  }
}

/** The problem with a base URL, or null: http(s), no user name or password, no query or fragment. */
export function baseUrlProblem(value: unknown): string | null {
  const expectation =
    'The base URL must be an http or https address without a user name, password, query or fragment';
  if (typeof value !== 'string' || value.length === 0) return `${expectation}.`;
  if (value.length > 2048) return `${expectation}, at most 2048 characters.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${expectation}.`;
  }
  const acceptable =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    !value.includes('?') &&
    !value.includes('#');
  return acceptable ? null : `${expectation}.`;
}

/** Thrown by `updateSettings` when any setting is refused; nothing was changed. */
export class SettingsError extends Error {
  /** Every refused setting, named, with the reason. */
  readonly problems: readonly SettingsProblem[];

  constructor(problems: readonly SettingsProblem[]) {
    super(
      `Invalid settings: ${problems.map((problem) => `${problem.setting}: ${problem.message}`).join(' ')}`,
    );
    this.name = 'SettingsError';
    this.problems = problems;
  }
}
