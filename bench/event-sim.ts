/**
 * A discrete-event run of one polling strategy on one workload, in virtual milliseconds: a global rate cap
 * (request starts at least 1/cap s apart), at most one request per id per second, a fixed request latency, and
 * each id's true delivery timeline from the simulator's delivery model. Much faster than driving the engine, so the
 * benchmark can pool many seeds and a whole curve of fixed intervals.
 */
import FlatQueue from 'flatqueue';
import type { ChannelMix } from '../electron/core/learning';
import { LANES, pickLane, type Lane } from '../electron/core/scheduler/lanes';

/** As the scheduler: routine re-checks get at least one of every this many request slots. */
const ROUTINE_SHARE_EVERY = 4;

/** One watched id of a workload, with its true timeline. Times in ms. */
export interface SimId {
  readonly arrivalMs: number;
  /** Age at which its deadline falls, or null. */
  readonly deadlineAgeMs: number | null;
  /** Age at which SMSBAT has its final status, or null if never. */
  readonly finalAgeMs: number | null;
  /** Age at which it turns `processing`, or null if never. */
  readonly processingAgeMs: number | null;
  readonly mix: ChannelMix;
}

/** A workload with its ids' timelines drawn. */
export interface SimWorkload {
  readonly rateCap: number;
  readonly durationMs: number;
  readonly latencyMs: number;
  /** Sorted by arrival. */
  readonly ids: readonly SimId[];
}

/** What a check saw. */
export type Observed = 'scheduled' | 'processing' | 'final';

/** What a strategy sees of the run when it decides. */
export interface SimView {
  readonly workload: SimWorkload;
  readonly nowMs: number;
  /** How many ids are still being checked. */
  pendingCount(): number;
  /** Up to `count` pending ids drawn at random (indices into `workload.ids`). */
  samplePending(count: number): number[];
}

/** A polling strategy as the event simulation runs it. */
export interface SimStrategy {
  /** Caps the strategy's own request rate below the workload's (SMSBAT's guide sends 10 per second). */
  readonly maxRatePerSecond?: number;
  /** When the id is first checked (absolute ms), or null never. */
  first(view: SimView, index: number): number | null;
  /** After a check that started at `startMs` saw `observed` (not final): when next, or null to give up. */
  next(view: SimView, index: number, startMs: number, observed: Observed): number | null;
  /** A check found the id final. */
  finished?(view: SimView, index: number, startMs: number): void;
}

/** What happened in one run. Times in ms. */
export interface SimOutcome {
  readonly requests: number;
  /** When each id's final status became known (NaN if never). */
  readonly detectedAtMs: Float64Array;
  /** When each id was first checked (NaN if never). */
  readonly firstCheckAtMs: Float64Array;
  /** The most requests started in any one second. */
  readonly peakPerSecond: number;
  /** The least time between two requests for the same id. */
  readonly minPerIdGapMs: number;
  /** Summed time each id was watched (until its final status was known, it was given up, or the run ended). */
  readonly watchedMs: number;
}

/** Runs one strategy on one workload. */
export function simulate(workload: SimWorkload, strategy: SimStrategy, random: () => number): SimOutcome {
  const { ids, durationMs, latencyMs } = workload;
  const n = ids.length;
  const rate = Math.min(workload.rateCap, strategy.maxRatePerSecond ?? Number.POSITIVE_INFINITY);
  // A hair over 1/rate, so rounding never fits one start too many into a second.
  const spacingMs = 1000 / rate + 1e-6;
  const queues: Readonly<Record<Lane, FlatQueue>> = {
    'deadline-first': new FlatQueue<number>(),
    'deadline-recheck': new FlatQueue<number>(),
    first: new FlatQueue<number>(),
    routine: new FlatQueue<number>(),
  };
  let urgentInRow = 0;
  const lastStart = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const detectedAtMs = new Float64Array(n).fill(Number.NaN);
  const firstCheckAtMs = new Float64Array(n).fill(Number.NaN);
  const pendingList: number[] = [];
  const pendingPos = new Int32Array(n).fill(-1);
  const endedAtMs = new Float64Array(n).fill(durationMs);
  const recentStarts: number[] = [];
  let recentFrom = 0;
  let peak = 0;
  let minGap = Number.POSITIVE_INFINITY;
  let requests = 0;
  let nextAllowed = 0;
  let nextArrival = 0;
  let now = 0;

  const view: SimView = {
    workload,
    get nowMs() {
      return now;
    },
    pendingCount: () => pendingList.length,
    samplePending: (count) => {
      if (pendingList.length <= count) return [...pendingList];
      const sample: number[] = [];
      for (let i = 0; i < count; i += 1)
        sample.push(pendingList[Math.floor(random() * pendingList.length)] ?? 0);
      return sample;
    },
  };
  const stopWatching = (index: number, atMs: number) => {
    const position = pendingPos[index] ?? -1;
    if (position < 0) return;
    const last = pendingList.pop() ?? index;
    if (last !== index) {
      pendingList[position] = last;
      pendingPos[last] = position;
    }
    pendingPos[index] = -1;
    endedAtMs[index] = Math.min(durationMs, atMs);
  };
  const schedule = (index: number, dueMs: number | null, atMs: number) => {
    if (dueMs === null) {
      stopWatching(index, atMs);
      return;
    }
    if (dueMs >= durationMs) return;
    // The scheduler's lanes: first checks of ids with a deadline ahead, their re-checks, other first checks, and
    // routine re-checks.
    const id = ids[index];
    const beforeDeadline =
      id !== undefined && id.deadlineAgeMs !== null && dueMs - id.arrivalMs <= id.deadlineAgeMs;
    const seen = !Number.isNaN(firstCheckAtMs[index] ?? 0);
    const lane: Lane = beforeDeadline
      ? seen
        ? 'deadline-recheck'
        : 'deadline-first'
      : seen
        ? 'routine'
        : 'first';
    queues[lane].push(index, dueMs);
  };

  const headDue = (lane: Lane) => {
    const queue = queues[lane];
    return queue.length > 0 ? (queue.peekValue() ?? Infinity) : Infinity;
  };
  for (;;) {
    const startAt = Math.max(nextAllowed, Math.min(...LANES.map(headDue)));
    const arrivalAt = ids[nextArrival]?.arrivalMs ?? Infinity;
    if (arrivalAt <= startAt && arrivalAt < durationMs) {
      now = arrivalAt;
      const index = nextArrival;
      nextArrival += 1;
      pendingPos[index] = pendingList.length;
      pendingList.push(index);
      schedule(index, strategy.first(view, index), now);
      continue;
    }
    if (startAt >= durationMs) break;
    const pick = pickLane(
      {
        'deadline-first': headDue('deadline-first') <= startAt,
        'deadline-recheck': headDue('deadline-recheck') <= startAt,
        first: headDue('first') <= startAt,
        routine: headDue('routine') <= startAt,
      },
      urgentInRow,
      ROUTINE_SHARE_EVERY,
    );
    urgentInRow = pick.urgentInRow;
    if (pick.lane === null) break;
    const index = queues[pick.lane].pop() ?? 0;
    const id = ids[index];
    if (id === undefined) continue;
    // At most one request per id per second, whatever the strategy asked.
    if (startAt < (lastStart[index] ?? 0) + 1000) {
      schedule(index, (lastStart[index] ?? 0) + 1000, startAt);
      continue;
    }
    now = startAt;
    nextAllowed = startAt + spacingMs;
    requests += 1;
    minGap = Math.min(minGap, startAt - (lastStart[index] ?? Number.NEGATIVE_INFINITY));
    lastStart[index] = startAt;
    if (Number.isNaN(firstCheckAtMs[index] ?? Number.NaN)) firstCheckAtMs[index] = startAt;
    recentStarts.push(startAt);
    while ((recentStarts[recentFrom] ?? 0) <= startAt - 1000) recentFrom += 1;
    peak = Math.max(peak, recentStarts.length - recentFrom);
    if (recentFrom > 4096) {
      recentStarts.splice(0, recentFrom);
      recentFrom = 0;
    }
    // SMSBAT answers with the status in force half-way through the request; the monitor knows it at the end.
    const age = startAt + latencyMs / 2 - id.arrivalMs;
    const observed: Observed =
      id.finalAgeMs !== null && id.finalAgeMs <= age
        ? 'final'
        : id.processingAgeMs !== null && id.processingAgeMs <= age
          ? 'processing'
          : 'scheduled';
    if (observed === 'final') {
      detectedAtMs[index] = startAt + latencyMs;
      stopWatching(index, startAt + latencyMs);
      strategy.finished?.(view, index, startAt);
    } else {
      schedule(index, strategy.next(view, index, startAt, observed), startAt);
    }
  }
  let watchedMs = 0;
  for (let index = 0; index < n; index += 1) {
    const id = ids[index];
    if (id !== undefined && id.arrivalMs < durationMs)
      watchedMs += (endedAtMs[index] ?? durationMs) - id.arrivalMs;
  }
  return {
    requests,
    detectedAtMs,
    firstCheckAtMs,
    peakPerSecond: peak,
    minPerIdGapMs: minGap,
    watchedMs,
  };
}
