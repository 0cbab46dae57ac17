import type { EngineChange, EngineFeedItem, MessageView } from '../../shared/engine-api';
import { describeWebhooks, type EngineHealth } from '../../shared/engine-health';
import type { WatchedMessage } from '../../shared/message';
import { summarize, type Totals } from '../../shared/totals';
import { MonitorEngine, type MonitorEngineOptions } from '../core/monitor-engine';
import { startWatchWebhooks, type WatchWebhookOptions } from './watch-webhooks';
import type { StatusClient } from '../core/status-client';
import { formatChangeLine, formatCheckError, formatClock, idColumnWidth } from './format';
import { healthLine, healthSeen, type HealthSeen } from './health-line';
import type { CliIo } from './io';
import { changeJson, healthJson, jsonLine } from './json-output';
import type { WatchEnd } from './outcome';
import type { WatchEvent } from './watch-event';

/** What a watch runs on and how it reports. */
export interface WatchSessionOptions {
  readonly io: CliIo;
  readonly client: StatusClient;
  /** The ids known at the start (from the arguments). */
  readonly ids: readonly string[];
  /** Ids still to come, watched as each batch arrives (stdin); the watch cannot end before this ends. */
  readonly incoming?: AsyncIterable<readonly string[]> | null;
  readonly label: string | null;
  readonly deadlineSeconds: number | null;
  /** Stop after this long even if some ids are still pending; null to wait for every id to settle. */
  readonly timeoutSeconds: number | null;
  readonly json: boolean;
  /** The engine's tuning (rate, not-found retries, intervals...). */
  readonly engine: Omit<MonitorEngineOptions, 'client' | 'createClient' | 'credentials'>;
  /** Receive SMSBAT's webhooks while watching (polling backs off while they arrive). @default polling only */
  readonly webhooks?: Omit<WatchWebhookOptions, 'env'> | null;
}

/** How a watch ended, with every message's last state and the totals over them. */
export interface WatchSessionResult {
  readonly end: WatchEnd;
  readonly messages: readonly WatchedMessage[];
  readonly totals: Totals;
}

/**
 * Watches ids with a `MonitorEngine` until every id is final, not found or given up on (and the incoming ids, if
 * any, have ended); until `timeoutSeconds`; until SMSBAT rejects the credentials or the base URL turns out not to
 * be SMSBAT's (the engine's blockers); or until Ctrl-C / SIGTERM. Prints the engine's message events as they
 * happen (a line, or an NDJSON object with `json`), and changes of the engine's health after the events of the
 * same change (stderr, or NDJSON). Prints no summary: the caller does. Rethrows an error of `incoming` (e.g. no
 * ids at all on stdin) after stopping the engine.
 */
export async function runWatchSession(options: WatchSessionOptions): Promise<WatchSessionResult> {
  const { io, json } = options;
  // A watch from the command line is short and starts with nothing learned: every id is checked at once, as the
  // backoff does, unless the caller chose a policy.
  const withWebhooks = options.webhooks !== undefined && options.webhooks !== null;
  const engine = new MonitorEngine({
    checkPolicy: 'backoff',
    ...options.engine,
    ...(withWebhooks ? { webhooks: { enabled: () => true } } : {}),
    client: options.client,
  });
  let receiver: { close(): Promise<void> } | null = null;
  const messages = new Map<string, MessageView>();
  const watching = new Set<string>();
  let connectivityWarned = false;
  let idWidth = idColumnWidth(options.ids);
  let inputOpen = options.incoming !== undefined && options.incoming !== null;
  const input: { failed: boolean; error: unknown } = { failed: false, error: null };

  let settle: (end: WatchEnd) => void = () => undefined;
  const ended = new Promise<WatchEnd>((resolve) => {
    settle = resolve;
  });
  let done = false;
  const finish = (end: WatchEnd): void => {
    if (done) return;
    done = true;
    settle(end);
  };
  // Nothing left to check: every message is final, not found or given up on, and no more ids are coming.
  let anyWatched = false;
  const finishIfSettled = (): void => {
    if (!inputOpen && anyWatched && watching.size === 0) finish({ reason: 'settled' });
  };

  const emit = (event: WatchEvent): void => {
    if (json) {
      io.stdout.write(jsonLine(changeJson(event)));
      return;
    }
    const error = event.message.lastError;
    if (event.kind !== 'check_failed' || error?.kind === 'not_found') {
      if (event.kind !== 'check_failed') connectivityWarned = false;
      io.stdout.write(`${formatChangeLine(event, idWidth)}\n`);
      return;
    }
    // Failures that hold every check are the engine's blockers, reported once as health.
    if (error?.kind === 'auth' || error?.kind === 'wrong_base_url') return;
    if (error?.kind === 'network' || error?.kind === 'timeout') {
      // One line while SMSBAT is unreachable, not one per id; the engine's "offline" health follows.
      if (connectivityWarned) return;
      connectivityWarned = true;
      io.stderr.write(
        `${formatClock(event.at)}  cannot reach SMSBAT: ${formatCheckError(error)}; will try again\n`,
      );
      return;
    }
    io.stderr.write(`${formatChangeLine(event, idWidth)}\n`);
  };

  let seenHealth: HealthSeen | null = null;
  let lastWebhooks: string | null = null;
  const reportHealth = (health: EngineHealth): void => {
    const webhooks = describeWebhooks(health);
    if (webhooks !== lastWebhooks) {
      lastWebhooks = webhooks;
      const now = Date.now();
      if (webhooks !== null && json) io.stdout.write(jsonLine(healthJson(health, now)));
      else if (webhooks !== null) io.stderr.write(`${formatClock(now)}  ${webhooks}\n`);
    }
    const now = Date.now();
    const { line, seen } = healthLine(seenHealth, health, now);
    const changed = seenHealth?.state !== seen.state;
    seenHealth = seen;
    if (!changed) return;
    if (json) io.stdout.write(jsonLine(healthJson(health, now)));
    else if (line !== null) io.stderr.write(`${formatClock(now)}  ${line}\n`);
    const { blocker } = health;
    if (blocker?.kind === 'credentials_rejected') finish({ reason: 'auth_failed', message: blocker.message });
    if (blocker?.kind === 'wrong_base_url') finish({ reason: 'wrong_base_url', message: blocker.message });
  };

  const upsert = (views: readonly MessageView[]): void => {
    for (const view of views) {
      messages.set(view.id, view);
      anyWatched = true;
      if (view.phase === 'watching') watching.add(view.id);
      else watching.delete(view.id);
    }
  };
  const applyChange = (change: EngineChange): void => {
    upsert(change.upserted);
    for (const id of change.removed) {
      messages.delete(id);
      watching.delete(id);
    }
    for (const event of change.events) {
      const message = messages.get(event.messageId);
      if (message !== undefined) emit({ kind: event.kind, at: event.at, message });
    }
    // Health comes after the events of the same change: they are what led to it.
    if (change.health !== undefined) reportHealth(change.health);
    finishIfSettled();
  };
  const onFeed = (item: EngineFeedItem): void => {
    if (item.type === 'snapshot') {
      upsert(item.snapshot.messages);
      // The starting state is news only when something already holds every check.
      if (item.snapshot.health.blocker === null) seenHealth = healthSeen(item.snapshot.health);
      else reportHealth(item.snapshot.health);
      finishIfSettled();
    } else {
      applyChange(item.change);
    }
  };

  const offFeed = engine.subscribe(onFeed);
  const offSignal = io.onSignal((signal) => {
    finish({ reason: 'interrupted', signal });
  });
  // The engine's own timers are unref'd; this one keeps the process alive while the watch runs.
  const timer =
    options.timeoutSeconds === null
      ? setInterval(() => undefined, 1 << 30)
      : setTimeout(() => {
          finish({ reason: 'timeout' });
        }, options.timeoutSeconds * 1000);

  const watchOptions = {
    label: options.label,
    deadlineMs: options.deadlineSeconds === null ? null : options.deadlineSeconds * 1000,
  };
  // Counted as watching at once: the feed announces them a batch window later, and the watch must not end before.
  const watchNow = (ids: readonly string[]): void => {
    for (const id of engine.watch(ids, watchOptions).added) watching.add(id);
    anyWatched ||= ids.length > 0;
  };
  const readIncoming = async (incoming: AsyncIterable<readonly string[]>): Promise<void> => {
    try {
      for await (const ids of incoming) {
        if (done) return;
        idWidth = Math.max(idWidth, idColumnWidth(ids));
        watchNow(ids);
      }
    } catch (error) {
      input.failed = true;
      input.error = error;
      finish({ reason: 'settled' });
      return;
    }
    inputOpen = false;
    finishIfSettled();
  };

  try {
    if (options.webhooks !== undefined && options.webhooks !== null) {
      const started = await startWatchWebhooks(engine, { ...options.webhooks, env: options.io.env });
      receiver = started;
      const line = options.json
        ? `${JSON.stringify({ type: 'webhooks', url: started.url })}\n`
        : `Receiving SMSBAT's webhooks at ${started.url} (give this address to your SMSBAT account manager).\n`;
      (options.json ? options.io.stdout : options.io.stderr).write(line);
    }
    await engine.start();
    if (options.ids.length > 0) watchNow(options.ids);
    if (options.incoming !== undefined && options.incoming !== null) void readIncoming(options.incoming);
    const end = await ended;
    await receiver?.close();
    receiver = null;
    // Stopping publishes the last change, which the feed still delivers and prints.
    await engine.stop();
    await new Promise((resolve) => setImmediate(resolve));
    if (input.failed) throw input.error;
    const final = engine.messages();
    return { end, messages: final, totals: summarize(final) };
  } finally {
    await receiver?.close();
    clearInterval(timer);
    clearTimeout(timer);
    offSignal();
    offFeed();
  }
}
