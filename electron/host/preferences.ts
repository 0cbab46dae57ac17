import type { RequestPayload, UiPreferences } from '../../shared/contract';

/** Window preferences before anyone changes them: follow the OS, notify about deliveries, failures and overdue. */
export const DEFAULT_PREFERENCES: UiPreferences = {
  theme: 'system',
  language: 'system',
  notify: { delivered: true, failed: true, overdue: true },
};

/** A validated partial update of the preferences. */
export type PreferencesUpdate = RequestPayload<'updatePreferences'>['preferences'];

/** Applies a partial update (nested `notify` merged key by key) and returns the new preferences. */
export function mergePreferences(current: UiPreferences, update: PreferencesUpdate): UiPreferences {
  return {
    theme: update.theme ?? current.theme,
    language: update.language ?? current.language,
    notify: { ...current.notify, ...update.notify },
  };
}
