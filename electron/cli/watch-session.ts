import { describeHealth, type EngineHealth } from '../../shared/engine-health';
import type { WatchedMessage } from '../../shared/message';
import { summarize, type Totals } from '../../shared/totals';
import { MonitorEngine, type MonitorEngineOptions } from '../core/monitor-engine';
import type { StatusClient } from '../core/status-client';
import { ChangeTracker, type ChangeEvent } from './change-events';
import { formatChangeLine, formatCheckError, formatClock, idColumnWidth } from './format';
import type { CliIo } from './io';
import { changeJson, healthJson, jsonLine } from './json-output';
import type { WatchEnd } from './outcome';

/** What a watch runs on and how it reports. */
export interface WatchSessionOptions {
  readonly io: CliIo;
  readonly client: StatusClient;
  readonly ids: readonly string[];
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
 * Watches ids with a `MonitorEngine` until every id is final, not found or given up on; until `timeoutSeconds`;
 * until SMSBAT rejects the credentials; or until Ctrl-C / SIGTERM. Prints each change as it happens (a line, or an
 * NDJSON object with `json`) and engine health changes (stderr, or NDJSON). Prints no summary: the caller does.
 */
export async function runWatchSession(options: WatchSessionOptions): Promise<WatchSessionResult> {
  const { io, json } = options;
  const engine = new MonitorEngine({ ...options.engine, client: options.client });
  const tracker = new ChangeTracker();
  let connectivityWarned = false;
  const idWidth = idColumnWidth(options.ids);

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

  const emit = (change: ChangeEvent): void => {
    if (json) {
      io.stdout.write(jsonLine(changeJson(change)));
      return;
    }
    if (change.event !== 'check_failed') {
      if (change.event === 'status') connectivityWarned = false;
      io.stdout.write(`${formatChangeLine(change, idWidth)}\n`);
      return;
    }
    const kind = change.message.lastError?.kind;
    if (kind === 'network' || kind === 'timeout') {
      // One line while SMSBAT is unreachable, not one per id; the engine's "offline" health follows.
      if (connectivityWarned) return;
      connectivityWarned = true;
      const error = change.message.lastError;
      const why = error === null ? 'no answer' : formatCheckError(error);
      io.stderr.write(`${formatClock(change.at)}  cannot reach SMSBAT: ${why}; will try again\n`);
      return;
    }
    io.stderr.write(`${formatChangeLine(change, idWidth)}\n`);
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
    // Nothing left to check: every message is final, not found or given up on.
    if (engine.activeCount === 0) finish({ reason: 'settled' });
  });
  const offHealth = engine.onHealth((health) => {
    if (done) return;
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

  try {
    await engine.start();
    engine.watch(options.ids, {
      label: options.label,
      deadlineMs: options.deadlineSeconds === null ? null : options.deadlineSeconds * 1000,
    });
    const end = await ended;
    // Stopping flushes the last batch of changes, which the listener still prints.
    await engine.stop();
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
