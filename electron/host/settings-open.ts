import { renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Conf, { type Options as ConfOptions } from 'conf';
import {
  migrateInMemory,
  readSettingsFile,
  SETTINGS_CONFIG_NAME,
  SETTINGS_MIGRATIONS,
  SETTINGS_PROJECT_VERSION,
  SETTINGS_SCHEMA,
} from './settings-schema';
import {
  DEFAULT_SAVED_SETTINGS,
  KeptSettingsStore,
  type SettingsBackend,
  type SettingsStore,
} from './settings-store';

/** The file's content as conf and electron-store see it. */
export type SettingsRecord = Record<string, unknown>;

/** What conf (or electron-store) is built with: always `cwd` (conf's own default adds a `-nodejs` suffix). */
export type SettingsBackendOptions = ConfOptions<SettingsRecord> & { readonly cwd: string };

/** Builds conf or electron-store over the settings file; throws what they throw for a file they cannot use. */
export type SettingsBackendFactory = (options: SettingsBackendOptions) => SettingsBackend;

/** Where problems people should know about go. */
export type SettingsProblemSink = (message: string) => void;

/**
 * conf's options for `settings.json` in the data directory. Without `migrations` the store only reads (the file is
 * checked but not rewritten), which is how a file is looked at before anything may change it.
 */
export function settingsBackendOptions(dataDir: string, migrate: boolean): SettingsBackendOptions {
  const options: SettingsBackendOptions = {
    cwd: dataDir,
    configName: SETTINGS_CONFIG_NAME,
    schema: SETTINGS_SCHEMA,
    configFileMode: 0o600,
  };
  if (!migrate) return options;
  return {
    ...options,
    projectVersion: SETTINGS_PROJECT_VERSION,
    migrations: Object.fromEntries(
      Object.entries(SETTINGS_MIGRATIONS).map(([version, step]) => [
        version,
        (store: Conf<SettingsRecord>) => {
          store.store = step(store.store);
        },
      ]),
    ),
  };
}

/** Why a settings file could not be used, in words for people. */
export function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (error instanceof SyntaxError) return 'it is not valid JSON';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'it cannot be read (permission denied)';
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('Config schema violation:'))
    return `it does not hold what the monitor saves there (${message.slice('Config schema violation: '.length)})`;
  return message;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens the settings file in the data directory. A file that cannot be used (not JSON, the wrong shape, a newer
 * format, a folder, unreadable) is moved aside to `settings.json.corrupt-<time>` and reported, and the monitor
 * starts with the defaults; when it cannot even be moved aside (a read-only folder), that is reported too and the
 * defaults are kept in memory. Never throws for a bad file or folder.
 */
export function openSettingsStore(
  dataDir: string,
  onProblem: SettingsProblemSink,
  createBackend: SettingsBackendFactory,
  now: () => number = Date.now,
): SettingsStore {
  const path = join(dataDir, `${SETTINGS_CONFIG_NAME}.json`);
  let readable: SettingsRecord;
  try {
    readable = createBackend(settingsBackendOptions(dataDir, false)).store;
  } catch (error) {
    const stamp = new Date(now()).toISOString().replaceAll(':', '-');
    const movedTo = join(dirname(path), `${basename(path)}.corrupt-${stamp}`);
    try {
      renameSync(path, movedTo);
    } catch (moveError) {
      onProblem(
        `${path} could not be read (${unreadableReason(error)}) and could not be moved aside ` +
          `(${errorText(moveError)}): the monitor starts with the default settings and cannot save changes ` +
          'until the folder is writable.',
      );
      return new KeptSettingsStore(path, null, DEFAULT_SAVED_SETTINGS, moveError);
    }
    onProblem(
      `${path} could not be read (${unreadableReason(error)}); it was moved to ${movedTo} and the monitor ` +
        'starts with the default settings.',
    );
    readable = {};
  }
  let backend: SettingsBackend;
  let file: SettingsRecord;
  try {
    backend = createBackend(settingsBackendOptions(dataDir, true));
    file = backend.store;
  } catch (error) {
    const { settings } = readSettingsFile(migrateInMemory(readable));
    onProblem(
      `${path} was read but cannot be updated (${errorText(error)}): the monitor uses these settings and ` +
        'cannot save changes until the folder is writable.',
    );
    return new KeptSettingsStore(path, null, settings, error);
  }
  const { settings, ignored } = readSettingsFile(file);
  if (ignored.length > 0)
    onProblem(
      `${path} holds values the monitor cannot use; it uses the defaults for them: ${ignored.join('; ')}.`,
    );
  return new KeptSettingsStore(path, backend, settings);
}

/** The settings store of the browser host and the CLI: conf over `settings.json` in the data directory. */
export function openConfSettingsStore(dataDir: string, onProblem: SettingsProblemSink): SettingsStore {
  return openSettingsStore(dataDir, onProblem, (options) => new Conf<SettingsRecord>(options));
}
