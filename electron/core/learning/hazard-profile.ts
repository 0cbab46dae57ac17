/**
 * The online estimate of a delivery-time profile: per age bin, the exposure (seconds that pending messages were
 * watched at that age) and the events (final statuses that appeared at that age). The hazard of a bin, the chance
 * per second that a still-pending message becomes final at that age, is events / exposure, pooled with
 * neighbouring bins until it rests on a few events, plus a weak prior for ages never seen. Pure functions on plain
 * arrays, so a profile can be saved as JSON and restored.
 */
import { BIN_COUNT, binEndS, binOf, binStartS, forEachOverlap } from './age-bins';

/** What a profile has seen, per age bin. Decayed in place of being trimmed, so old observations fade. */
export interface HazardCounts {
  /** Seconds of watching pending messages, per bin. */
  readonly exposureS: number[];
  /** Final statuses seen, per bin (fractional: an event is spread over the interval it fell in). */
  readonly events: number[];
}

/** Tuning of the estimate. */
export interface HazardTuning {
  /** Pool neighbouring bins until the pooled estimate rests on this many events. @default 4 */
  readonly minPooledEvents?: number;
  /** Weight of the prior, in message-equivalents watched through a bin. @default 0.5 */
  readonly priorWeight?: number;
  /**
   * Stop widening a pooled window on the side of a neighbour whose hazard the window's own counts rule out (a
   * Poisson test at 1 %), so a quiet bin between two humps does not borrow their events. @default false
   */
  readonly poolOnlyConsistent?: boolean;
  /** The significance of that test (smaller: pools more readily). @default 0.01 */
  readonly poolTestLevel?: number;
}

/** Significance of the test that stops pooling at an inconsistent neighbour, unless tuned. */
export const POOL_TEST_LEVEL = 0.01;

/** P(X <= k) for X Poisson with mean `mean` (k rounded down; 1 for k beyond ~mean + 40 sd). */
export function poissonAtMost(k: number, mean: number): number {
  const n = Math.floor(k);
  if (n < 0) return 0;
  if (!(mean > 0)) return 1;
  let term = Math.exp(-mean);
  let sum = term;
  for (let i = 1; i <= n; i += 1) {
    term *= mean / i;
    sum += term;
    if (sum >= 1) return 1;
  }
  return Math.min(1, sum);
}

/**
 * True when a window that saw `events` in `exposureS` rules out the hazard of a neighbour that saw `otherEvents`
 * in `otherExposureS`: at the neighbour's hazard the window would have seen far more, or far fewer, events.
 */
export function rulesOutNeighbour(
  events: number,
  exposureS: number,
  otherEvents: number,
  otherExposureS: number,
  level = POOL_TEST_LEVEL,
): boolean {
  if (!(otherExposureS > 0) || !(exposureS > 0)) return false;
  const expected = (otherEvents / otherExposureS) * exposureS;
  const tooFew = poissonAtMost(events, expected) < level;
  const tooMany = events >= 1 && 1 - poissonAtMost(Math.ceil(events) - 1, expected) < level;
  return tooFew || tooMany;
}

/** Empty counts. */
export function emptyCounts(): HazardCounts {
  return { exposureS: new Array<number>(BIN_COUNT).fill(0), events: new Array<number>(BIN_COUNT).fill(0) };
}

/** A check at age `toS` found the message still pending; the previous check (or sending) was at age `fromS`. */
export function addPending(counts: HazardCounts, fromS: number, toS: number): void {
  forEachOverlap(fromS, toS, (bin, overlapS) => {
    counts.exposureS[bin] = (counts.exposureS[bin] ?? 0) + overlapS;
  });
}

/**
 * A check at age `toS` found the message final; it was pending at age `fromS`. One event spread over the
 * interval in proportion to time, and half the interval as exposure (the event's expected place in it).
 */
export function addFinal(counts: HazardCounts, fromS: number, toS: number): void {
  const from = Math.max(0, fromS);
  const to = Math.max(toS, from + 1e-3);
  const length = to - from;
  forEachOverlap(from, to, (bin, overlapS) => {
    counts.events[bin] = (counts.events[bin] ?? 0) + overlapS / length;
    counts.exposureS[bin] = (counts.exposureS[bin] ?? 0) + overlapS / 2;
  });
}

/** Multiplies every count by `factor` (0..1): how old observations fade. */
export function decayCounts(counts: HazardCounts, factor: number): void {
  for (let bin = 0; bin < BIN_COUNT; bin += 1) {
    counts.exposureS[bin] = (counts.exposureS[bin] ?? 0) * factor;
    counts.events[bin] = (counts.events[bin] ?? 0) * factor;
  }
}

/** Adds `from` into `into`, scaled by `weight`. */
export function addCounts(into: HazardCounts, from: HazardCounts, weight = 1): void {
  for (let bin = 0; bin < BIN_COUNT; bin += 1) {
    into.exposureS[bin] = (into.exposureS[bin] ?? 0) + (from.exposureS[bin] ?? 0) * weight;
    into.events[bin] = (into.events[bin] ?? 0) + (from.events[bin] ?? 0) * weight;
  }
}

/** Total events seen (decayed). */
export function totalEvents(counts: HazardCounts): number {
  return counts.events.reduce((sum, value) => sum + value, 0);
}

/**
 * The prior hazard at age `ageS` (per second): a log-uniform guess, 1 / (age + 5 s), saying finals get rarer
 * with age the way today's backoff assumes, until data say otherwise.
 */
export function priorHazard(ageS: number): number {
  return 1 / (Math.max(0, ageS) + 5);
}

/** The hazard per bin (per second), pooled and with the prior. */
export function estimateHazards(counts: HazardCounts, tuning: HazardTuning = {}): Float64Array {
  const minEvents = tuning.minPooledEvents ?? 4;
  const priorWeight = tuning.priorWeight ?? 0.5;
  const consistentOnly = tuning.poolOnlyConsistent ?? false;
  const level = tuning.poolTestLevel ?? POOL_TEST_LEVEL;
  const hazards = new Float64Array(BIN_COUNT);
  for (let bin = 0; bin < BIN_COUNT; bin += 1) {
    let lo = bin;
    let hi = bin;
    let events = counts.events[bin] ?? 0;
    let exposure = counts.exposureS[bin] ?? 0;
    let lowOpen = true;
    let highOpen = true;
    // Widen alternately until the pooled events reach the floor or the window covers everything.
    while (events < minEvents) {
      const canLow = lowOpen && lo > 0;
      const canHigh = highOpen && hi < BIN_COUNT - 1;
      if (!canLow && !canHigh) break;
      const takeLow = canLow && (!canHigh || bin - lo <= hi - bin);
      const added = takeLow ? lo - 1 : hi + 1;
      const addedEvents = counts.events[added] ?? 0;
      const addedExposure = counts.exposureS[added] ?? 0;
      if (consistentOnly && rulesOutNeighbour(events, exposure, addedEvents, addedExposure, level)) {
        if (takeLow) lowOpen = false;
        else highOpen = false;
        continue;
      }
      if (takeLow) lo = added;
      else hi = added;
      events += addedEvents;
      exposure += addedExposure;
    }
    const width = Math.min(binEndS(bin), 2 * 86_400) - binStartS(bin);
    const mid = (binStartS(bin) + Math.min(binEndS(bin), 2 * 86_400)) / 2;
    const priorExposure = priorWeight * width * (1 + hi - lo);
    hazards[bin] = (events + priorExposure * priorHazard(mid)) / (exposure + priorExposure);
  }
  return hazards;
}

/** The hazard at one age, from per-bin hazards. */
export function hazardAt(hazards: Float64Array, ageS: number): number {
  return hazards[binOf(ageS)] ?? 0;
}

/** The share of messages final by age `ageS`, from per-bin hazards (1 - survival), among those that ever end. */
export function shareFinalBy(hazards: Float64Array, ageS: number): number {
  let cumulative = 0;
  forEachOverlap(0, ageS, (bin, overlapS) => {
    cumulative += (hazards[bin] ?? 0) * overlapS;
  });
  return 1 - Math.exp(-cumulative);
}

/**
 * The age (s) by which `share` (0..1) of messages are final under `hazards`, or null when they never get there within
 * the profile's last bin.
 */
export function ageWhenShareFinal(hazards: Float64Array, share: number): number | null {
  if (share <= 0) return 0;
  if (share >= 1) return null;
  const target = -Math.log(1 - share);
  let cumulative = 0;
  for (let bin = 0; bin < BIN_COUNT; bin += 1) {
    const rate = hazards[bin] ?? 0;
    const startS = binStartS(bin);
    const widthS = binEndS(bin) - startS;
    if (rate <= 0) continue;
    if (cumulative + rate * widthS >= target) return startS + (target - cumulative) / rate;
    cumulative += rate * widthS;
  }
  return null;
}
