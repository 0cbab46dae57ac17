import ElectronStore from 'electron-store';
import { openSettingsStore, type SettingsProblemSink, type SettingsRecord } from '../host/settings-open';
import type { SettingsStore } from '../host/settings-store';

/**
 * The Electron host's settings store: electron-store (conf underneath) over the same `settings.json` in the data
 * directory as the browser host, with the same schema, migrations and bad-file handling.
 */
export function openElectronSettingsStore(dataDir: string, onProblem: SettingsProblemSink): SettingsStore {
  return openSettingsStore(dataDir, onProblem, ({ configName, ...options }) => {
    // electron-store names the file with `name` (it overwrites `configName`). Its types leave out `projectVersion`,
    // but it keeps one that is given (it only fills in the app's version when none is): the format version is kept.
    return new ElectronStore<SettingsRecord>({ ...options, name: configName });
  });
}
