import { z } from 'zod';

/** The port the webhook receiver listens on unless another is chosen. */
export const DEFAULT_WEBHOOK_PORT = 8789;

/** The address the webhook receiver listens on unless another is chosen: this computer only. */
export const DEFAULT_WEBHOOK_HOST = '127.0.0.1';

/** Why webhooks were refused, as the window names them. */
export const WEBHOOK_REFUSAL_REASONS = [
  'wrong_path',
  'wrong_method',
  'too_large',
  'not_json_type',
  'rate_limited',
  'not_json',
  'bad_shape',
] as const;

/** One reason a webhook was refused. */
export type WebhookRefusalReason = (typeof WEBHOOK_REFUSAL_REASONS)[number];

/** The webhook receiver as the window sees it: its settings, where it listens and what it refused. */
export interface WebhookInfo {
  readonly enabled: boolean;
  /** The address it listens on. */
  readonly host: string;
  readonly port: number;
  /** The address SMSBAT reaches it at through a reverse proxy or tunnel (e.g. https://hooks.example.com), or null. */
  readonly publicBaseUrl: string | null;
  /** Watch any message SMSBAT tells about, not only those on the list. */
  readonly watchUnknown: boolean;
  /** The full URL to give SMSBAT's account manager (carries the secret: the person's own receiver). */
  readonly url: string;
  /** Whether it is listening, off, or could not listen (and why). */
  readonly state:
    | { readonly kind: 'off' }
    | { readonly kind: 'listening' }
    | { readonly kind: 'failed'; readonly message: string };
  /** Refusals per reason over the last hour. */
  readonly refusals: Readonly<Record<WebhookRefusalReason, number>>;
}

/** Whether an address is this computer only (anything else opens the receiver to the network). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A change to the webhook settings, as the window may ask for it. */
export const webhookUpdateSchema = z
  .object({
    enabled: z.boolean(),
    host: z.union([z.ipv4(), z.ipv6(), z.literal('localhost')]),
    port: z.int().min(1).max(65_535),
    publicBaseUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .nullable(),
    watchUnknown: z.boolean(),
  })
  .partial()
  .strict();

/** A validated change to the webhook settings. */
export type WebhookUpdate = z.infer<typeof webhookUpdateSchema>;

/**
 * The URL to give SMSBAT: the public address when one is set (its path prefix kept), else the receiver's own address,
 * followed by the secret path.
 */
export function webhookUrl(
  settings: Pick<WebhookInfo, 'host' | 'port' | 'publicBaseUrl'>,
  path: string,
): string {
  if (settings.publicBaseUrl !== null) return settings.publicBaseUrl.replace(/\/+$/, '') + path;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return `http://${host}:${settings.port}${path}`;
}
