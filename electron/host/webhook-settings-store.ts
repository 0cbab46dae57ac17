import { join } from 'node:path';
import {
  DEFAULT_WEBHOOK_HOST,
  DEFAULT_WEBHOOK_PORT,
  webhookUpdateSchema,
  type WebhookUpdate,
} from '../../shared/webhook-settings';
import { newWebhookSecret } from '../core/webhook/webhook-secret';
import { LatestWriteQueue, readJsonFile, writeJsonFileAtomic } from './json-file';

/** The webhook receiver's settings as the host keeps them, with the secret of its path. */
export interface SavedWebhookSettings {
  readonly enabled: boolean;
  readonly host: string;
  readonly port: number;
  readonly publicBaseUrl: string | null;
  readonly watchUnknown: boolean;
  /** The secret in the URL's path: kept with the settings, only ever shown to the person as part of the URL. */
  readonly secret: string;
}

const FORMAT_VERSION = 1;

/** The settings before anyone changes them: off, on 127.0.0.1:8789, with a new secret. */
export function defaultWebhookSettings(): SavedWebhookSettings {
  return {
    enabled: false,
    host: DEFAULT_WEBHOOK_HOST,
    port: DEFAULT_WEBHOOK_PORT,
    publicBaseUrl: null,
    watchUnknown: false,
    secret: newWebhookSecret(),
  };
}

/** Reads a saved object, keeping each value that is valid and the default for the rest. */
export function webhookSettingsFrom(saved: unknown): SavedWebhookSettings {
  const defaults = defaultWebhookSettings();
  if (typeof saved !== 'object' || saved === null) return defaults;
  const record = saved as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(webhookUpdateSchema.shape) as (keyof WebhookUpdate)[]) {
    const one = webhookUpdateSchema.safeParse({ [key]: record[key] });
    if (one.success && one.data[key] !== undefined) kept[key] = one.data[key];
  }
  const secret = record['secret'];
  return {
    ...defaults,
    ...kept,
    secret: typeof secret === 'string' && /^[A-Za-z0-9_-]{32}$/.test(secret) ? secret : defaults.secret,
  };
}

/** The webhook settings kept as `webhooks.json` in the data directory (readable by its owner only). */
export class WebhookSettingsStore {
  readonly #path: string;
  readonly #onProblem: (message: string) => void;
  readonly #writes = new LatestWriteQueue();
  #current: SavedWebhookSettings = defaultWebhookSettings();

  constructor(dataDir: string, onProblem: (message: string) => void) {
    this.#path = join(dataDir, 'webhooks.json');
    this.#onProblem = onProblem;
  }

  /** What was saved (a new secret is saved at once), or the defaults; a corrupt file is moved aside and reported. */
  async load(): Promise<SavedWebhookSettings> {
    const read = await readJsonFile(this.#path, (value) => typeof value === 'object' && value !== null);
    if (read.kind === 'corrupt') this.#onProblem(read.message);
    this.#current = webhookSettingsFrom(read.kind === 'ok' ? read.value : null);
    const savedSecret = read.kind === 'ok' ? (read.value as Record<string, unknown>)['secret'] : undefined;
    if (savedSecret !== this.#current.secret) {
      // A folder that cannot be written (read-only, full) must not stop the monitor: the new secret lives for
      // this run and the receiver stays usable; the next start makes another.
      await this.save({}).catch((error: unknown) => {
        this.#onProblem(
          `The webhook settings could not be saved in ${this.#path} (${error instanceof Error ? error.message : String(error)}); ` +
            'they are kept for this run only.',
        );
      });
    }
    return this.#current;
  }

  /** The settings as last loaded or saved. */
  get current(): SavedWebhookSettings {
    return this.#current;
  }

  /** Saves a change (and a new secret, when given). */
  save(update: WebhookUpdate & { readonly secret?: string }): Promise<void> {
    this.#current = { ...this.#current, ...update };
    const snapshot = this.#current;
    return this.#writes.enqueue(() =>
      writeJsonFileAtomic(this.#path, { version: FORMAT_VERSION, ...snapshot }),
    );
  }
}
