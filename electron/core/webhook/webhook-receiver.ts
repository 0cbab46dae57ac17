import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { numberOption } from '../option-checks';
import { createTokenBucket, type TokenBucket } from '../token-bucket';
import {
  refusalsInLastHour,
  tallyRefusal,
  WEBHOOK_REFUSALS,
  type RefusalCounts,
  type RefusalTally,
  type WebhookRefusal,
} from './refusal-tally';
import { screenWebhookRequest } from './screen-request';
import { parseWebhookBody, type WebhookStatus } from './webhook-payload';
import { isSecretPath, webhookPath } from './webhook-secret';

/** How the webhook receiver runs. */
export interface WebhookReceiverOptions {
  /** The secret in the path SMSBAT posts to (see `newWebhookSecret`). */
  readonly secret: string;
  /** Called with each accepted status, after the answer has been sent. */
  readonly onStatus: (status: WebhookStatus) => void;
  /** Called with each refusal (already counted in `refusals()`). */
  readonly onRefused?: (reason: WebhookRefusal) => void;
  /** The address to listen on. @default '127.0.0.1' */
  readonly host?: string;
  /** @default 0, a free port */
  readonly port?: number;
  /** The largest body taken, in bytes. @default 65536 */
  readonly maxBodyBytes?: number;
  /** Requests taken per second on the secret path, on average. @default 50 */
  readonly ratePerSecond?: number;
  /** Requests taken at once before the rate applies. @default 100 */
  readonly burst?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/** A running webhook receiver. */
export interface RunningWebhookReceiver {
  readonly host: string;
  readonly port: number;
  /** The path SMSBAT must post to (carries the secret). */
  path(): string;
  /** Takes a new secret: the old path answers 404 from now on. */
  setSecret(secret: string): void;
  /** Refusals per reason over the last hour. */
  refusals(): RefusalCounts;
  close(): Promise<void>;
}

function shortAnswer(response: ServerResponse, status: number, extra: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-length': '0', 'cache-control': 'no-store', ...extra });
  response.end();
}

function declaredLength(request: IncomingMessage): number | null {
  const header = request.headers['content-length'];
  if (header === undefined) return null;
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : Number.POSITIVE_INFINITY;
}

/** Reads a body up to `limit` bytes; null when it is longer (the rest is not read). */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

/** The most of a refused request's body read (and dropped) so the sender can read the refusal; past it, the connection is cut. */
const DISCARD_LIMIT_BYTES = 1024 * 1024;

/**
 * Reads and drops what is left of a refused request's body, so a sender still writing it gets the answer rather than
 * a reset connection; resolves false (and cuts the connection) past `limit` bytes.
 */
function discardBody(request: IncomingMessage, limit: number): Promise<boolean> {
  if (request.complete) return Promise.resolve(true);
  return new Promise((resolve) => {
    let size = 0;
    request.removeAllListeners('data');
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return;
      request.removeAllListeners('data');
      request.destroy();
      resolve(false);
    });
    request.once('end', () => {
      resolve(true);
    });
    request.once('error', () => {
      resolve(false);
    });
    request.resume();
  });
}

/**
 * Receives SMSBAT's status webhooks: `POST` of `{messageId, deliverystatus, timestamp, cost}` as JSON to a secret
 * path, on its own port (127.0.0.1 unless another address is chosen). A good one is answered `204` at once and
 * handed to `onStatus` after the answer; anything else gets a short 404 / 405 / 413 / 415 / 429 / 400, changes
 * nothing, and is counted by reason, never stored.
 */
export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<RunningWebhookReceiver> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = numberOption('maxBodyBytes', options.maxBodyBytes, 64 * 1024, { min: 1 });
  const ratePerSecond = numberOption('ratePerSecond', options.ratePerSecond, 50, {
    min: 0,
    minInclusive: false,
  });
  const burst = numberOption('burst', options.burst, 100, { min: 1 });
  const now = options.now ?? Date.now;
  let secret = options.secret;
  let tally: RefusalTally = [];
  const bucket: TokenBucket = createTokenBucket({ perSecond: ratePerSecond, burst }, performance.now());

  /** Counts a refusal and answers it (unless its connection was cut for a body too long to read). */
  const refuse = (response: ServerResponse, reason: WebhookRefusal, answer = true): void => {
    tally = tallyRefusal(tally, reason, now());
    if (answer && !response.destroyed)
      shortAnswer(response, WEBHOOK_REFUSALS[reason], reason === 'wrong_method' ? { allow: 'POST' } : {});
    options.onRefused?.(reason);
  };

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = new URL(request.url ?? '/', 'http://receiver.invalid').pathname;
    // The rate limit spends a token only on the secret path: a scan of other paths cannot starve SMSBAT's posts.
    const withinRate = isSecretPath(pathname, secret) && bucket.take(performance.now());
    const screen = screenWebhookRequest(
      {
        method: request.method ?? '',
        pathname,
        contentType: request.headers['content-type'],
        contentLength: declaredLength(request),
      },
      { secret, maxBodyBytes, withinRate },
    );
    if (screen.kind === 'refuse') {
      response.setHeader('connection', 'close');
      const drained = await discardBody(request, DISCARD_LIMIT_BYTES);
      refuse(response, screen.reason, drained);
      return;
    }
    const body = await readBody(request, maxBodyBytes);
    if (body === null) {
      response.setHeader('connection', 'close');
      const drained = await discardBody(request, DISCARD_LIMIT_BYTES);
      refuse(response, 'too_large', drained);
      return;
    }
    const parsed = parseWebhookBody(body);
    if (!parsed.ok) {
      refuse(response, parsed.problem);
      return;
    }
    shortAnswer(response, 204);
    setImmediate(() => {
      options.onStatus(parsed.status);
    });
  }

  const server = createServer((request, response) => {
    serve(request, response).catch(() => {
      if (!response.headersSent) shortAnswer(response, 400);
      else response.destroy();
    });
  });
  server.headersTimeout = 5_000;
  server.requestTimeout = 10_000;
  server.maxHeadersCount = 50;
  server.maxConnections = 256;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    host,
    port,
    path: () => webhookPath(secret),
    setSecret(next) {
      secret = next;
    },
    refusals: () => refusalsInLastHour(tally, now()),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
