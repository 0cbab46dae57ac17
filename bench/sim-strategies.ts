/**
 * The strategies the benchmark compares, as the event simulation runs them: fixed-interval polling, today's
 * exponential backoff (the baseline), SMSBAT's guide, and the learning policy (cold or warm).
 */
import {
  DEFAULT_PRICE_S,
  DeliveryLearner,
  placeNextCheck,
  type DeliveryLearnerOptions,
  type SavedDeliveryProfile,
} from '../electron/core/learning';
import type { Observed, SimStrategy, SimView } from './event-sim';

/** The kinds of strategy the report distinguishes. */
export type StrategyKind =
  | 'fixed'
  | 'backoff'
  | 'guide'
  | 'learning-cold'
  | 'learning-warm'
  | 'engine-backoff'
  | 'engine-learning'
  | 'planned';

/** A strategy with its name, kind and a factory (fresh state per run). */
export interface NamedStrategy {
  readonly name: string;
  readonly kind: StrategyKind;
  readonly intervalS?: number;
  create(random: () => number): SimStrategy;
}

/** Every id every `intervalS`, the first check at a random phase of the interval, never giving up. */
export function fixedInterval(intervalS: number): NamedStrategy {
  const intervalMs = intervalS * 1000;
  return {
    name: `fixed ${intervalS} s`,
    kind: 'fixed',
    intervalS,
    create: (random) => ({
      first: (view) => view.nowMs + (1 - random()) * intervalMs,
      next: (_view, _index, startMs) => startMs + intervalMs,
    }),
  };
}

/** Today's scheduler: at once, then 5 s growing ×1.4 (±10 %), at most 60 s apart in the first hour, then 10 min. */
export const backoff: NamedStrategy = {
  name: 'backoff (today)',
  kind: 'backoff',
  create: (random) => {
    const delay = new Map<number, number>();
    const lastSeen = new Map<number, Observed>();
    return {
      first: (view) => view.nowMs,
      next: (view, index, startMs, observed) => {
        const id = view.workload.ids[index];
        const ageMs = startMs - (id?.arrivalMs ?? 0);
        const cap = ageMs < 3_600_000 ? 60_000 : 600_000;
        const previous = delay.get(index);
        const changed = lastSeen.get(index) !== observed;
        lastSeen.set(index, observed);
        const base = previous === undefined || changed ? 5_000 : Math.min(cap, previous * 1.4);
        delay.set(index, base);
        return startMs + base * (1 + 0.1 * (2 * random() - 1));
      },
      finished: (_view, index) => {
        delay.delete(index);
        lastSeen.delete(index);
      },
    };
  },
};

/** SMSBAT's guide: every id every 5 s, 10 requests per second, abandoned 60 s after it was sent. */
export const guide: NamedStrategy = {
  name: "guide's (5 s, 60 s)",
  kind: 'guide',
  create: (random) => ({
    maxRatePerSecond: 10,
    first: (view) => view.nowMs + (1 - random()) * 5_000,
    next: (view, index, startMs) => {
      const arrival = view.workload.ids[index]?.arrivalMs ?? 0;
      return startMs + 5_000 - arrival >= 60_000 ? null : startMs + 5_000;
    },
  }),
};

/**
 * A plan per id, made in advance: checks at the given ages (seconds after sending, ascending), each as soon as the
 * cap allows after its planned time, a planned check the cap pushed past a later one standing for it; after the
 * last, no more (a final still to come lags to the end of the run). How the oracle's plans become a schedule.
 */
export function planned(name: string, agesOf: (index: number) => readonly number[]): NamedStrategy {
  const dueAfter = (view: SimView, index: number, ageMs: number): number | null => {
    const arrival = view.workload.ids[index]?.arrivalMs ?? 0;
    const age = agesOf(index).find((candidate) => candidate * 1000 > ageMs);
    return age === undefined ? null : arrival + age * 1000;
  };
  return {
    name,
    kind: 'planned',
    create: () => ({
      first: (view, index) => dueAfter(view, index, -1),
      next: (view, index, startMs) =>
        dueAfter(view, index, startMs - (view.workload.ids[index]?.arrivalMs ?? 0)),
    }),
  };
}

/** The scheduler's spread of each planned delay (`jitterRatio`), as a fraction of it. */
const JITTER_RATIO = 0.1;

/** How often the learning policy re-estimates what the pending ids ask of the rate cap. */
const PRICE_REFRESH_MS = 2_000;
const PRICE_SAMPLE = 256;

/** How the learner shapes its density and pools its estimate (the learner's defaults when empty). */
export type LearnerShape = Pick<
  DeliveryLearnerOptions,
  'lagPower' | 'kneeHazard' | 'tailLagPower' | 'poolOnlyConsistent' | 'priorWeight'
>;

/** The learning policy on a learner; `onLearner` receives it, e.g. to save the profile after a run. */
export function learning(
  kind: 'learning-cold' | 'learning-warm',
  saved: () => SavedDeliveryProfile | null,
  priceS = DEFAULT_PRICE_S,
  onLearner?: (learner: DeliveryLearner) => void,
  shape: LearnerShape = {},
): NamedStrategy {
  return {
    name: kind === 'learning-cold' ? 'learning, cold' : 'learning, warm',
    kind,
    create: (random) => {
      const learner = new DeliveryLearner({ ...shape, saved: saved() });
      onLearner?.(learner);
      const lastCheckAgeS = new Map<number, number>();
      let rootSum = 0;
      let refreshedAt = Number.NEGATIVE_INFINITY;
      const refresh = (view: SimView) => {
        if (view.nowMs - refreshedAt < PRICE_REFRESH_MS) return;
        refreshedAt = view.nowMs;
        const sample = view.samplePending(PRICE_SAMPLE);
        let sum = 0;
        for (const index of sample) {
          const id = view.workload.ids[index];
          if (id === undefined || id.deadlineAgeMs !== null) continue;
          sum += learner.rootHazard(
            lastCheckAgeS.has(index) ? id.mix : null,
            (view.nowMs - id.arrivalMs) / 1000,
          );
        }
        rootSum = sample.length === 0 ? 0 : (sum * view.pendingCount()) / sample.length;
      };
      const place = (view: SimView, index: number, nowMs: number, known: boolean): number => {
        refresh(view);
        const id = view.workload.ids[index];
        const arrival = id?.arrivalMs ?? 0;
        const ageS = (nowMs - arrival) / 1000;
        const nextAgeS = placeNextCheck(learner, {
          ageS,
          lastCheckAgeS: known ? ageS : null,
          mix: known ? (id?.mix ?? null) : null,
          deadlineAgeS: id?.deadlineAgeMs == null ? null : id.deadlineAgeMs / 1000,
          pendingRootHazardSum: rootSum,
          pendingCount: view.pendingCount(),
          maxRequestsPerSecond: view.workload.rateCap,
          priceS,
          random: 1 - random(),
        });
        if (!known) return arrival + nextAgeS * 1000;
        // As the scheduler: the delay spread by its jitter, but never past a deadline still ahead.
        const dueMs = nowMs + (nextAgeS * 1000 - (nowMs - arrival)) * (1 + JITTER_RATIO * (2 * random() - 1));
        const deadlineMs = id?.deadlineAgeMs == null ? null : arrival + id.deadlineAgeMs;
        return deadlineMs !== null && deadlineMs > nowMs ? Math.min(dueMs, deadlineMs) : dueMs;
      };
      const observe = (view: SimView, index: number, startMs: number, final: boolean) => {
        const id = view.workload.ids[index];
        // The scheduler tells the policy of an answer when it arrives.
        const ageS = (startMs + view.workload.latencyMs - (id?.arrivalMs ?? 0)) / 1000;
        learner.observe(id?.mix ?? 'sms', lastCheckAgeS.get(index) ?? 0, ageS, final, startMs);
        lastCheckAgeS.set(index, ageS);
      };
      return {
        first: (view, index) => place(view, index, view.nowMs, false),
        next: (view, index, startMs) => {
          observe(view, index, startMs, false);
          return place(view, index, startMs + view.workload.latencyMs, true);
        },
        finished: (view, index, startMs) => {
          observe(view, index, startMs, true);
          lastCheckAgeS.delete(index);
        },
      };
    },
  };
}
