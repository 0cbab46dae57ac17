import { describeHealth, type EngineHealth } from '../../shared/engine-health';
import type { WatchedMessage } from '../../shared/message';
import { summarize, type Totals } from '../../shared/totals';
import { MonitorEngine, type MonitorEngineOptions } from '../core/monitor-engine';
import type { StatusClient } from '../core/status-client';
import { ChangeTracker } from './change-events';
import { formatChangeLine, formatCheckError, formatClock, idColumnWidth } from './format';
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
  readonly engine: Omit<MonitorEngineOptions, 'client'>;
}

/** How a watch ended, with every message's last state and the totals over them. */
export interface WatchSessionResult {
  readonly end: WatchEnd;
  readonly messages: readonly WatchedMessage[];
  readonly totals: Totals;
}

/** What a health line is about: the blocker when there is one, else the mode. */
function healthState(health: EngineHealth): string {
  return health.blocker?.kind ?? health.mode;
}

/**
 * Watches ids with a `MonitorEngine` until every id is final, not found or given up on (and the incoming ids, if
 * any, have ended); until `timeoutSeconds`; until SMSBAT rejects the credentials or the base URL turns out not to
 * be SMSBAT's; or until Ctrl-C / SIGTERM. Prints each message event as it happens (a line, or an NDJSON object
 * with `json`) and engine health changes after the events they follow (stderr, or NDJSON). Prints no summary:
 * the caller does. Rethrows an error of `incoming` (e.g. no ids at all on stdin) after stopping the engine.
 */
export async function runWatchSession(options: WatchSessionOptions): Promise<WatchSessionResult> {
  const { io, json } = options;
  const engine = new MonitorEngine({ ...options.engine, client: options.client });
  const tracker = new ChangeTracker();
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
  const finishIfSettled = (): void => {
    if (!inputOpen && engine.activeCount === 0) finish({ reason: 'settled' });
  };

  const emit = (event: WatchEvent): void => {
    const error = event.message.lastError;
    if (event.kind === 'check_failed' && error?.kind === 'wrong_base_url') {
      // Every check would fail the same way: the caller explains it, with the address and what to do.
      finish({ reason: 'wrong_base_url', message: error.message });
      return;
    }
    if (json) {
      io.stdout.write(jsonLine(changeJson(event)));
      return;
    }
    if (event.kind !== 'check_failed' || error?.kind === 'not_found') {
      if (event.kind !== 'check_failed') connectivityWarned = false;
      io.stdout.write(`${formatChangeLine(event, idWidth)}\n`);
      return;
    }
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

  let lastState = healthState(engine.health);
  let lastBlocked = engine.health.blocker !== null;
  const reportHealth = (health: EngineHealth): void => {
    const state = healthState(health);
    if (state === lastState) return;
    const wasBlocked = lastBlocked;
    lastState = state;
    lastBlocked = health.blocker !== null;
    const now = Date.now();
    if (json) {
      io.stdout.write(jsonLine(healthJson(health, now)));
      return;
    }
    if (health.blocker?.kind === 'credentials_rejected') return; // The caller explains it, with what to do.
    if (health.blocker !== null) {
      io.stderr.write(`${formatClock(now)}  ${describeHealth(health, now)}\n`);
    } else if (wasBlocked && health.mode === 'running') {
      io.stderr.write(`${formatClock(now)}  SMSBAT is answering again; watching.\n`);
    }
  };

  const offChange = engine.onChange((change) => {
    const now = Date.now();
    for (const message of change.upserted) {
      for (const event of tracker.changes(message, now)) emit(event);
    }
    finishIfSettled();
  });
  const offHealth = engine.onHealth((health) => {
    if (done) return;
    // The changes that led here come first: the engine batches them, so announce the batch now.
    void engine.flush();
    reportHealth(health);
    if (health.blocker?.kind === 'credentials_rejected') {
      finish({ reason: 'auth_failed', message: health.blocker.message });
    }
  });
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
  const readIncoming = async (incoming: AsyncIterable<readonly string[]>): Promise<void> => {
    try {
      for await (const ids of incoming) {
        if (done) return;
        idWidth = Math.max(idWidth, idColumnWidth(ids));
        engine.watch(ids, watchOptions);
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
    await engine.start();
    if (options.ids.length > 0) engine.watch(options.ids, watchOptions);
    if (options.incoming !== undefined && options.incoming !== null) void readIncoming(options.incoming);
    const end = await ended;
    // Stopping flushes the last batch of changes, which the listener still prints.
    await engine.stop();
    if (input.failed) throw input.error;
    const messages = engine.messages();
    return { end, messages, totals: summarize(messages) };
  } finally {
    clearInterval(timer);
    clearTimeout(timer);
    offSignal();
    offChange();
    offHealth();
  }
}
