/**
 * The learning check policy's one decision: the age of an id's next check, from the learned profile, the price
 * of a request (the user's, or what the rate cap forces when many ids are pending), the per-id limits and the
 * deadline. Pure apart from reading the learner.
 */
import { defaultMaxGapS, type EvenGapRule } from './check-placement';
import type { ChannelMix, DeliveryLearner } from './delivery-learner';

/** The user's price of a request, in seconds of lag it is worth, unless set. */
export const DEFAULT_PRICE_S = 1;

/** The share of the rate cap that placed checks may plan to use (the rest absorbs bursts and retries). */
export const PLANNED_CAP_SHARE = 1;

/** Before its deadline, the even-gap rule lets an id with one be checked as often as this (at a price of 1 s). */
export const DEADLINE_APPROACH_GAP_S = 4.5;

/** A first check of an id with a deadline comes within this long of sending. */
export const DEADLINE_FIRST_CHECK_S = 1;

/** What the policy knows when it places one check. Ages in seconds since the id was sent (or added). */
export interface PlacementRequest {
  /** The id's age now. */
  readonly ageS: number;
  /** Age of its last check, or null before the first. */
  readonly lastCheckAgeS: number | null;
  /**
   * True when SMSBAT has never been asked about the id (no status yet): it is known to be pending only at age 0,
   * when it was sent, however old it is now (an import of messages sent hours ago). @default false
   */
  readonly neverChecked?: boolean;
  readonly mix: ChannelMix | null;
  /** Age at which its deadline falls, or null. */
  readonly deadlineAgeS: number | null;
  /** Sum of h(age)^(1/(p+1)) over every pending id, p the learner's exponent (see `DeliveryLearner.rootHazard`). */
  readonly pendingRootHazardSum: number;
  /** How many ids are pending. */
  readonly pendingCount: number;
  /** The scheduler's rate cap, requests per second. */
  readonly maxRequestsPerSecond: number;
  /** The user's price of a request (seconds of lag). */
  readonly priceS: number;
  /** A number in (0, 1] that spreads first checks. */
  readonly random: number;
}

/**
 * The age at which the id should next be checked. An id with a deadline (a one-time code) is placed by the
 * even-gap rule too: a deadline asks that nearly every code be known within a bound, a quantile of lag, where the
 * other ids' density (h / c)^(1/(p+1)) serves a mean of lag^p.
 */
export function placeNextCheck(learner: DeliveryLearner, request: PlacementRequest): number {
  const rate = request.maxRequestsPerSecond * PLANNED_CAP_SHARE;
  const hasDeadline = request.deadlineAgeS !== null;
  // Ids with a deadline (one-time codes) pay only the user's price: a campaign must not starve them.
  const price = hasDeadline
    ? request.priceS
    : learner.priceS(request.priceS, request.pendingRootHazardSum, rate);
  // The longest gap never asks more of the cap than it has, however many ids are pending.
  const capFloorS = request.pendingCount / rate;
  const last = request.lastCheckAgeS;
  const first = last === null;
  // Placed from the last age the id is known to have been pending at: its last check, or its sending for an id
  // never checked (whose first check is then due at once once the profile's first check is past).
  const from =
    last === null ? (request.neverChecked === true ? 0 : request.ageS) : Math.max(request.ageS, last);
  const maxGapS = first && hasDeadline ? DEADLINE_FIRST_CHECK_S : Math.max(defaultMaxGapS(from), capFloorS);
  const placedAgeS = learner.nextCheckAgeS(
    request.mix,
    from,
    price,
    { minGapS: first ? 0 : 1, maxGapS, deadlineAgeS: request.deadlineAgeS },
    first ? Math.max(1e-6, Math.min(1, request.random)) : 1,
    evenGapFor(learner.evenGap, first, from, request.deadlineAgeS, rate / Math.max(1, request.pendingCount)),
  );
  return Math.max(placedAgeS, request.ageS);
}

/**
 * The even-gap rule for one placement of an id with a deadline: none for an id without one or for a first check
 * (which only spreads ids sent together over the first second); before the deadline with its top raised so that
 * checks may come every {@link DEADLINE_APPROACH_GAP_S}, so a code final 5 s before its deadline is known by it.
 */
export function evenGapFor(
  rule: EvenGapRule | null,
  first: boolean,
  fromS: number,
  deadlineAgeS: number | null,
  capShareDensity = Number.POSITIVE_INFINITY,
): EvenGapRule | null {
  if (rule === null || first || deadlineAgeS === null) return null;
  const capped = rule.humpWithinCap === true ? { ...rule, capShareDensity } : rule;
  if (fromS >= deadlineAgeS) return capped;
  return { ...capped, topRatio: Math.max(rule.topRatio, rule.gapS / DEADLINE_APPROACH_GAP_S) };
}
