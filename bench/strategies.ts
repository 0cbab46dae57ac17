import { isFinalKind } from '../shared/status';
import { PollScheduler, type PollSchedulerOptions } from '../electron/core/poll-scheduler';
import { mulberry32 } from '../electron/core/simulator/random';
import type { StatusClient } from '../electron/core/status-client';
import type { VirtualClock } from '../electron/core/virtual-clock';

/** What a polling strategy is given to run with. */
export interface StrategyContext {
  readonly client: StatusClient;
  readonly clock: VirtualClock;
  /** The request rate cap of the workload (requests per second). */
  readonly rateCap: number;
  /** Call when the strategy first learns an id's final status. */
  readonly onFinal: (messageId: string, at: number) => void;
}

/** A running strategy: ids are handed to it at their send time. */
export interface StrategyRun {
  add(messageId: string): void;
  stop(): void;
}

/** A way of polling many ids. */
export interface Strategy {
  readonly name: string;
  start(context: StrategyContext): StrategyRun;
}

function schedulerStrategy(name: string, tuning: Partial<PollSchedulerOptions>): Strategy {
  return {
    name,
    start({ client, clock, rateCap, onFinal }) {
      const scheduler = new PollScheduler({
        client,
        clock,
        maxRequestsPerSecond: rateCap,
        concurrency: 8,
        // Seeded jitter, so every run of the benchmark prints the same figures.
        random: mulberry32(42),
        ...tuning,
        observer: {
          onSnapshot: (id, snapshot, at) => {
            if (isFinalKind(snapshot.kind)) onFinal(id, at);
          },
          onCheckFailed: () => undefined,
          onNotFound: () => undefined,
          onGaveUp: () => undefined,
          onOverdue: () => undefined,
          onHealth: () => undefined,
          onScheduleChanged: () => undefined,
        },
      });
      return {
        add: (messageId) => {
          scheduler.watch({ messageId, addedAt: clock.now() });
        },
        stop: () => {
          scheduler.stop();
        },
      };
    },
  };
}

/** The monitor's scheduler with its default tuning. */
export const oursStrategy: Strategy = schedulerStrategy('scheduler', {});

/** Plain fixed polling: every id every 5 s until final, through the same rate cap, never giving up. */
export const fixedStrategy: Strategy = schedulerStrategy('fixed 5 s', {
  initialIntervalMs: 5_000,
  maxIntervalMs: 5_000,
  backoffFactor: 1,
  jitterRatio: 0,
  watchWindowMs: Number.MAX_SAFE_INTEGER,
});

/**
 * The strategy of SMSBAT's guide, combined as its examples are: every id polled every 5 s, in batches of 10
 * requests 1 s apart (`checkBatchStatus`), each id abandoned 60 s after it was sent (`waitForDelivery`).
 */
export const seedStrategy: Strategy = {
  name: "guide's (10/batch, 60 s)",
  start({ client, clock, onFinal }) {
    const active = new Map<string, number>();
    let stopped = false;
    const round = async (): Promise<void> => {
      const now = clock.now();
      for (const [id, sentAt] of active) if (now - sentAt >= 60_000) active.delete(id);
      const ids = [...active.keys()];
      for (let i = 0; i < ids.length && !stopped; i += 10) {
        const batch = ids.slice(i, i + 10);
        const results = await Promise.all(batch.map((id) => client.getStatus(id).catch(() => null)));
        results.forEach((snapshot, index) => {
          const id = batch[index];
          if (snapshot && id !== undefined && isFinalKind(snapshot.kind) && active.delete(id)) {
            onFinal(id, clock.now());
          }
        });
        if (i + 10 < ids.length) await clock.sleep(1000);
      }
    };
    const loop = async (): Promise<void> => {
      while (!stopped) {
        await round();
        await clock.sleep(5000);
      }
    };
    void loop();
    return {
      add: (messageId) => active.set(messageId, clock.now()),
      stop: () => {
        stopped = true;
      },
    };
  },
};
