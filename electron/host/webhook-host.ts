import type { RequestHandlers } from '../../shared/contract';
import { webhookUrl, type WebhookInfo, type WebhookUpdate } from '../../shared/webhook-settings';
import { NO_REFUSALS } from '../core/webhook/refusal-tally';
import type { WebhookStatus } from '../core/webhook/webhook-payload';
import { startWebhookReceiver, type RunningWebhookReceiver } from '../core/webhook/webhook-receiver';
import { newWebhookSecret, webhookPath } from '../core/webhook/webhook-secret';
import type { SavedWebhookSettings, WebhookSettingsStore } from './webhook-settings-store';

/** What the webhook host works with. */
export interface WebhookHostOptions {
  readonly store: WebhookSettingsStore;
  /** Applies an accepted webhook (the engine's `applyPushed`). */
  readonly apply: (status: WebhookStatus, options: { readonly watchUnknown: boolean }) => void;
  /** Where problems people should know about go (the receiver could not listen). */
  readonly onProblem: (message: string) => void;
  /** @default startWebhookReceiver */
  readonly startReceiver?: typeof startWebhookReceiver;
}

type ReceiverState = WebhookInfo['state'];

/** Whether a change of settings needs the receiver restarted (on or off, another address or port). */
export function needsRestart(before: SavedWebhookSettings, after: SavedWebhookSettings): boolean {
  return before.enabled !== after.enabled || before.host !== after.host || before.port !== after.port;
}

/**
 * Runs the webhook receiver in the host process as its settings say: started when turned on, restarted on another
 * address or port, stopped when turned off; accepted webhooks go to the engine. Its own port, never the window's.
 */
export class WebhookHost {
  readonly #options: WebhookHostOptions;
  #receiver: RunningWebhookReceiver | null = null;
  #state: ReceiverState = { kind: 'off' };
  #applying: Promise<void> = Promise.resolve();

  constructor(options: WebhookHostOptions) {
    this.#options = options;
  }

  /** Whether webhooks are turned on. */
  get enabled(): boolean {
    return this.#options.store.current.enabled;
  }

  /** Loads the settings and starts the receiver when it is on. */
  async init(): Promise<void> {
    await this.#options.store.load();
    await this.#restart();
  }

  /** The receiver as the window sees it. */
  info(): WebhookInfo {
    const settings = this.#options.store.current;
    return {
      enabled: settings.enabled,
      host: settings.host,
      port: settings.port,
      publicBaseUrl: settings.publicBaseUrl,
      watchUnknown: settings.watchUnknown,
      url: webhookUrl(settings, webhookPath(settings.secret)),
      state: this.#state,
      refusals: this.#receiver?.refusals() ?? NO_REFUSALS,
    };
  }

  /** Saves a change and starts, restarts or stops the receiver as it needs. */
  async update(update: WebhookUpdate): Promise<WebhookInfo> {
    const before = this.#options.store.current;
    await this.#options.store.save(update);
    if (needsRestart(before, this.#options.store.current)) await this.#restart();
    return this.info();
  }

  /** A new secret: the old URL is refused from now on. */
  async newSecret(): Promise<WebhookInfo> {
    const secret = newWebhookSecret();
    await this.#options.store.save({ secret });
    this.#receiver?.setSecret(secret);
    return this.info();
  }

  /** Stops the receiver. */
  async close(): Promise<void> {
    await this.#applying;
    const receiver = this.#receiver;
    this.#receiver = null;
    this.#state = { kind: 'off' };
    await receiver?.close();
  }

  /** One handler per webhook request of the contract. */
  handlers(): Pick<RequestHandlers, 'getWebhooks' | 'updateWebhooks' | 'newWebhookSecret'> {
    return {
      getWebhooks: () => this.info(),
      updateWebhooks: ({ webhooks }) => this.update(webhooks),
      newWebhookSecret: () => this.newSecret(),
    };
  }

  #restart(): Promise<void> {
    this.#applying = this.#applying.then(async () => {
      await this.#receiver?.close();
      this.#receiver = null;
      this.#state = { kind: 'off' };
      const settings = this.#options.store.current;
      if (!settings.enabled) return;
      const start = this.#options.startReceiver ?? startWebhookReceiver;
      try {
        this.#receiver = await start({
          host: settings.host,
          port: settings.port,
          secret: settings.secret,
          onStatus: (status) => {
            this.#options.apply(status, { watchUnknown: this.#options.store.current.watchUnknown });
          },
        });
        this.#state = { kind: 'listening' };
      } catch (error) {
        const message = `The webhook receiver could not listen on ${settings.host}:${settings.port}: ${(error as Error).message}`;
        this.#state = { kind: 'failed', message };
        this.#options.onProblem(message);
      }
    });
    return this.#applying;
  }
}
