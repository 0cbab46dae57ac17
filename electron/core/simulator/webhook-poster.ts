import FlatQueue from 'flatqueue';
import { request } from 'undici';
import type { MessageTimeline } from './delivery-model';
import { hashString, mulberry32, type Random } from './random';
import { planWebhooks, type PlannedWebhook, type WebhookFaults } from './webhook-plan';

/** What the simulator's webhook sender does. */
export interface WebhookPosterOptions {
  /** Where to post, e.g. the monitor's receiver `http://127.0.0.1:PORT/webhook/SECRET`. */
  readonly url: string;
  readonly faults?: WebhookFaults;
  /** Also send one hostile request (wrong path, method, type, size, body, a stale status) after each post. */
  readonly hostile?: boolean;
  /** Seed of the fault draws. @default 1 */
  readonly seed?: number;
  /** The simulator's time scale (its timelines' ms × this = real ms). @default 1 */
  readonly timeScale?: number;
}

/** Counts of what the sender did. */
export interface WebhookPosterStats {
  /** Webhooks the receiver answered with a 2xx. */
  readonly delivered: number;
  /** Webhooks it refused or that did not arrive (the network, a closed port). */
  readonly failed: number;
  /** Hostile requests sent. */
  readonly hostile: number;
}

/** The simulator's webhook sender: posts status changes like SMSBAT does, with the faults asked for. */
export interface WebhookPoster {
  /** Plans the webhooks of a message whose timeline started at `startedAt` (epoch ms). */
  schedule(timeline: MessageTimeline, startedAt: number): void;
  stats(): WebhookPosterStats;
  /** Stops sending; webhooks not yet sent are dropped. */
  close(): Promise<void>;
}

/** One hostile request: what SMSBAT never sends, and a receiver must refuse without harm. */
export interface HostileRequest {
  readonly method: 'POST' | 'GET' | 'PUT';
  readonly pathSuffix: string;
  readonly contentType: string;
  readonly body: string;
}

/** The hostile requests sent in turn, each a stand-in for an attack or a broken proxy. */
export function hostileRequests(example: PlannedWebhook['body']): readonly HostileRequest[] {
  const json = 'application/json';
  const stale = JSON.stringify({
    ...example,
    deliverystatus: 'processing',
    timestamp: new Date(0).toISOString(),
  });
  return [
    { method: 'POST', pathSuffix: 'x', contentType: json, body: JSON.stringify(example) },
    { method: 'GET', pathSuffix: '', contentType: json, body: '' },
    { method: 'POST', pathSuffix: '', contentType: 'text/plain', body: JSON.stringify(example) },
    { method: 'POST', pathSuffix: '', contentType: json, body: 'deliverystatus=delivered' },
    {
      method: 'POST',
      pathSuffix: '',
      contentType: json,
      body: JSON.stringify({ messageId: example.messageId }),
    },
    { method: 'POST', pathSuffix: '', contentType: json, body: `{"pad":"${'x'.repeat(70 * 1024)}"}` },
    { method: 'POST', pathSuffix: '', contentType: json, body: stale },
    {
      method: 'POST',
      pathSuffix: '',
      contentType: json,
      body: JSON.stringify({ ...example, messageId: `never-watched-${example.messageId}` }),
    },
  ];
}

/** Starts the sender. It posts from one timer, to the earliest planned webhook. */
export function startWebhookPoster(options: WebhookPosterOptions): WebhookPoster {
  const target = new URL(options.url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new TypeError(`Expected \`url\` to be an http or https URL, got ${options.url}`);
  const random: Random = mulberry32(hashString(`webhooks\u0000${options.seed ?? 1}`));
  const queue = new FlatQueue<PlannedWebhook>();
  const inFlight = new Set<Promise<void>>();
  let delivered = 0;
  let failed = 0;
  let hostile = 0;
  let hostileTurn = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const send = (
    method: HostileRequest['method'],
    url: string,
    contentType: string,
    body: string,
  ): Promise<boolean> =>
    request(url, {
      method,
      headers: { 'content-type': contentType, 'user-agent': 'smsbat-simulator' },
      body: method === 'GET' ? null : body,
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    }).then(
      async (answer) => {
        await answer.body.dump();
        return answer.statusCode >= 200 && answer.statusCode < 300;
      },
      () => false,
    );

  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const post = (webhook: PlannedWebhook): void => {
    track(
      send('POST', target.href, 'application/json', JSON.stringify(webhook.body)).then((ok) => {
        if (ok) delivered += 1;
        else failed += 1;
      }),
    );
    if (options.hostile !== true) return;
    const variants = hostileRequests(webhook.body);
    const attack = variants[hostileTurn % variants.length];
    hostileTurn += 1;
    if (attack === undefined) return;
    hostile += 1;
    track(
      send(attack.method, target.href + attack.pathSuffix, attack.contentType, attack.body).then(
        () => undefined,
      ),
    );
  };

  const arm = (): void => {
    if (closed) return;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const next = queue.peekValue();
    if (next === undefined) return;
    timer = setTimeout(fire, Math.max(0, next - Date.now()));
  };

  function fire(): void {
    timer = null;
    const now = Date.now();
    while (queue.length > 0 && (queue.peekValue() ?? Number.POSITIVE_INFINITY) <= now) {
      const webhook = queue.pop();
      if (webhook !== undefined) post(webhook);
    }
    arm();
  }

  return {
    schedule(timeline, startedAt) {
      if (closed) return;
      for (const webhook of planWebhooks(
        timeline,
        startedAt,
        options.timeScale ?? 1,
        options.faults ?? {},
        random,
      ))
        queue.push(webhook, webhook.sendAt);
      arm();
    },
    stats: () => ({ delivered, failed, hostile }),
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await Promise.all([...inFlight]);
    },
  };
}
