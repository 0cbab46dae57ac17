import { webhookUrl } from '../../shared/webhook-settings';
import type { MonitorEngine } from '../core/monitor-engine';
import { startWebhookReceiver } from '../core/webhook/webhook-receiver';
import { newWebhookSecret, webhookPath } from '../core/webhook/webhook-secret';
import { UsageError } from './usage-error';

/** The environment variable that keeps the webhook secret the same between runs of `watch`. */
export const WEBHOOK_SECRET_ENV = 'SMSBAT_WEBHOOK_SECRET';

/** Where `watch --webhook-port` listens. */
export interface WatchWebhookOptions {
  readonly host: string;
  readonly port: number;
  /** Env, for a saved secret. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The secret from the environment when it is a usable one (32 URL-safe characters), else a new one. */
export function watchWebhookSecret(env: Readonly<Record<string, string | undefined>>): string {
  const saved = env[WEBHOOK_SECRET_ENV]?.trim();
  if (saved === undefined || saved === '') return newWebhookSecret();
  if (!/^[A-Za-z0-9_-]{32}$/.test(saved)) {
    throw new UsageError(
      `${WEBHOOK_SECRET_ENV} must be 32 letters, digits, - or _ (as the monitor makes them); unset it to get a new one.`,
      'watch',
    );
  }
  return saved;
}

/**
 * Starts the webhook receiver for a watch: accepted webhooks go to the engine. Returns the URL to give SMSBAT and a
 * function that stops it; a port it cannot take is a `UsageError` that says what to change.
 */
export async function startWatchWebhooks(
  engine: Pick<MonitorEngine, 'applyPushed'>,
  options: WatchWebhookOptions,
): Promise<{ readonly url: string; close(): Promise<void> }> {
  const secret = watchWebhookSecret(options.env);
  try {
    const receiver = await startWebhookReceiver({
      host: options.host,
      port: options.port,
      secret,
      onStatus: (status) => {
        engine.applyPushed(status);
      },
    });
    const url = webhookUrl(
      { host: options.host, port: receiver.port, publicBaseUrl: null },
      webhookPath(secret),
    );
    return { url, close: () => receiver.close() };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new UsageError(
        `The webhook receiver cannot listen on ${options.host}:${options.port} (${code}); choose another --webhook-port or --webhook-host.`,
        'watch',
      );
    }
    throw error;
  }
}
