import { dirname } from 'node:path';
import type { UiPreferences } from '../../shared/contract';
import type { EngineSettings } from '../../shared/engine-api';
import { DEFAULT_PREFERENCES } from './preferences';
import { readSettingsFile, settingsFileFor, type SavedSettings } from './settings-schema';

export type { SavedSettings } from './settings-schema';

/** A change to the saved settings: engine settings merged over what was saved, and/or the whole preferences. */
export interface SettingsUpdate {
  readonly engine?: Partial<EngineSettings>;
  readonly preferences?: UiPreferences;
}

/** Where the host keeps engine settings and window preferences (conf, electron-store, or memory in tests). */
export interface SettingsStore {
  /** The settings as last read or saved: what is on disk, or the defaults when the file could not be used. */
  readonly current: SavedSettings;
  /** Saves a change; rejects with `SettingsNotSavedError` (and `current` stays what is on disk) when it cannot. */
  save(update: SettingsUpdate): Promise<void>;
}

/** Why a save failed, in the words the window uses. */
export type SaveFailureReason = 'read_only' | 'disk_full' | 'other';

/** Which reason a file system error code stands for. */
export function saveFailureReason(error: unknown): SaveFailureReason {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EROFS' || code === 'EPERM' || code === 'EACCES') return 'read_only';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  return 'other';
}

const WHAT_TO_DO: Readonly<Record<SaveFailureReason, string>> = {
  read_only: 'the folder is read-only',
  disk_full: 'the disk is full',
  other: 'writing the file failed',
};

/** A change that was not saved: the settings stay as they were on disk. */
export class SettingsNotSavedError extends Error {
  override readonly name = 'SettingsNotSavedError';
  /** Why the file could not be written. */
  readonly reason: SaveFailureReason;
  /** The folder the settings file is in. */
  readonly folder: string;

  constructor(path: string, cause: unknown) {
    const reason = saveFailureReason(cause);
    const detail = cause instanceof Error ? cause.message : String(cause);
    const fix =
      reason === 'disk_full'
        ? 'Free some space on that disk'
        : reason === 'read_only'
          ? 'Make the folder writable'
          : 'Check the folder';
    super(
      `Could not save the settings: ${WHAT_TO_DO[reason]} (${path}: ${detail}). ${fix}, then change the setting ` +
        'again; until then the monitor keeps the settings it had.',
      { cause },
    );
    this.reason = reason;
    this.folder = dirname(path);
  }
}

/** What a `KeptSettingsStore` reads and writes: conf's and electron-store's `store` property, or null in memory. */
export interface SettingsBackend {
  /** The file's content (read from disk on every get; written atomically on every set). */
  store: Record<string, unknown>;
}

/**
 * Settings kept in a backend (conf or electron-store), read once and then served from memory. A failed save is
 * reported by rejecting, and the settings go back to what the file holds. Without a backend (a file that could
 * neither be read nor moved aside) the defaults live in memory and every save is refused with `unsavedBecause`.
 */
export class KeptSettingsStore implements SettingsStore {
  readonly #backend: SettingsBackend | null;
  readonly #path: string;
  readonly #unsavedBecause: unknown;
  #current: SavedSettings;

  constructor(
    path: string,
    backend: SettingsBackend | null,
    current: SavedSettings,
    unsavedBecause: unknown = null,
  ) {
    this.#path = path;
    this.#backend = backend;
    this.#current = current;
    this.#unsavedBecause = unsavedBecause;
  }

  get current(): SavedSettings {
    return this.#current;
  }

  save(update: SettingsUpdate): Promise<void> {
    const next: SavedSettings = {
      engine: { ...this.#current.engine, ...update.engine },
      preferences: update.preferences ?? this.#current.preferences,
    };
    if (this.#backend === null)
      return Promise.reject(new SettingsNotSavedError(this.#path, this.#unsavedBecause));
    try {
      this.#backend.store = { ...settingsFileFor(next) };
    } catch (error) {
      this.#current = this.#onDisk();
      return Promise.reject(new SettingsNotSavedError(this.#path, error));
    }
    this.#current = next;
    return Promise.resolve();
  }

  /** What the file holds now, or what was last read if it cannot be read either. */
  #onDisk(): SavedSettings {
    try {
      return this.#backend === null ? this.#current : readSettingsFile(this.#backend.store).settings;
    } catch {
      return this.#current;
    }
  }
}

/** Defaults, for a store that could not use its file. */
export const DEFAULT_SAVED_SETTINGS: SavedSettings = { engine: {}, preferences: DEFAULT_PREFERENCES };
