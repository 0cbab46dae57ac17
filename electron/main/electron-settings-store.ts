import ElectronStore from 'electron-store';
import { openSettingsStore, type SettingsProblemSink, type SettingsRecord } from '../host/settings-open';
import type { SettingsStore } from '../host/settings-store';

/**
 * The Electron host's settings store: electron-store (conf underneath) over the same `settings.json` in the data
 * directory as the browser host and the CLI, with the same schema, migrations and bad-file handling.
 */
export function openElectronSettingsStore(dataDir: string, onProblem: SettingsProblemSink): SettingsStore {
  return openSettingsStore(dataDir, onProblem, ({ configName, ...options }) => {
    // electron-store names the file with `name` (it overwrites `configName`) and would default to the app version.
    return new ElectronStore<SettingsRecord>({ ...options, name: configName });
  });
}
