import type { WebhookFaults } from '../core/simulator';
import type { CommandName } from './args';
import { UsageError } from './usage-error';

/** What `simulate --webhook-url` asks of the simulator's webhooks. */
export interface SimulatorWebhookArgs {
  /** The receiver's URL, secret path included. */
  readonly url: string;
  readonly faults: Required<WebhookFaults>;
  readonly hostile: boolean;
}

/** The simulator's webhook options that take a value. */
export type WebhookOptionName =
  'webhook-url' | 'webhook-loss' | 'webhook-duplicates' | 'webhook-delay-ms' | 'webhook-reorder';

/** The most a `--webhook-delay-ms` may be: ten minutes. */
export const MAX_WEBHOOK_DELAY_MS = 600_000;

/** A share from "0.1" or "10%", within 0..1; `fallback` when not given. */
export function parseShare(option: string, raw: string | undefined, command: CommandName): number {
  if (raw === undefined) return 0;
  const trimmed = raw.trim();
  const percent = trimmed.endsWith('%');
  const digits = percent ? trimmed.slice(0, -1).trim() : trimmed;
  const value = /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(digits) ? Number(digits) / (percent ? 100 : 1) : Number.NaN;
  if (!(value >= 0 && value <= 1)) {
    throw new UsageError(
      `${option} must be a share from 0 to 1, or a percentage (e.g. 0.1 or 10%); got ${JSON.stringify(raw)}.`,
      command,
    );
  }
  return value;
}

/** A webhook receiver URL: http(s) with a host; a `UsageError` that says what is wrong otherwise. */
export function parseWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(
      `--webhook-url ${JSON.stringify(raw)} is not a URL; give the monitor's webhook address, e.g. http://127.0.0.1:8789/webhook/<secret>.`,
      'simulate',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(
      `--webhook-url must start with http:// or https:// (got ${url.protocol}).`,
      'simulate',
    );
  }
  return url.toString();
}

/** The simulator's webhook options, or null without `--webhook-url` (then the other webhook options are refused). */
export function parseSimulatorWebhooks(
  text: (name: WebhookOptionName) => string | undefined,
  flag: (name: 'webhook-hostile') => boolean,
  delayMs: number,
): SimulatorWebhookArgs | null {
  const raw = text('webhook-url');
  if (raw === undefined) {
    const stray = (
      ['webhook-loss', 'webhook-duplicates', 'webhook-delay-ms', 'webhook-reorder'] as const
    ).find((name) => text(name) !== undefined);
    if (stray !== undefined || flag('webhook-hostile')) {
      throw new UsageError(
        `--${stray ?? 'webhook-hostile'} needs --webhook-url: where the simulator should post its webhooks.`,
        'simulate',
      );
    }
    return null;
  }
  return {
    url: parseWebhookUrl(raw),
    faults: {
      lossRate: parseShare('--webhook-loss', text('webhook-loss'), 'simulate'),
      duplicateRate: parseShare('--webhook-duplicates', text('webhook-duplicates'), 'simulate'),
      maxDelayMs: delayMs,
      reorderRate: parseShare('--webhook-reorder', text('webhook-reorder'), 'simulate'),
    },
    hostile: flag('webhook-hostile'),
  };
}
