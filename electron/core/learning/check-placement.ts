/**
 * Where to check next: the check density at age a is (h(a) / c)^(1/(p+1)) checks per second, h the hazard and c
 * the price of a request in seconds of lag. p = 1 is Keller's rule for the least mean delay; p = 2 weighs long
 * delays more, which is what a p95 measures. The next check is where the density integrated from now reaches 1
 * (a fraction for the first check of a batch, so that ids sent together spread out). Pure functions.
 */
import { BIN_COUNT, binEndS, binOf } from './age-bins';

/** The exponent of the lag being minimised (mean of lag^p). @default 2 */
export const DEFAULT_LAG_POWER = 2;

/**
 * The shape of the check density: (h / c)^(1/(p+1)) with p = `lagPower`, and, when `kneeHazard` is set, a flatter
 * (h / c)^(1/(q+1)) with q = `tailLagPower` below that hazard, joined continuously at the knee: the late tail, where
 * finals are rare, is checked more evenly.
 */
export interface DensityShape {
  readonly lagPower: number;
  /** Hazard (per second) below which the tail exponent applies. */
  readonly kneeHazard?: number;
  /** The exponent q below the knee. @default lagPower */
  readonly tailLagPower?: number;
  /** The rule shaped for a p95 of lag (see {@link EvenGapRule}); none: the power of the hazard alone. */
  readonly evenGap?: EvenGapRule | null;
}

/**
 * The rule shaped for a p95 of lag. Minimising P(lag > L) at a budget checks every L seconds wherever a final is
 * likely enough within L to be worth a request, and sparsely elsewhere: so wherever the hazard is at least
 * `fromHazard`, the density is held between 1 / `gapS` and `topRatio` / `gapS` (at a price of 1 s; both gaps grow
 * with the price as p's do, by c^(1/(p+1)), so the rate cap's price still spreads the cap), and below it the
 * power of the hazard thins out the rarest ages. The bulk of finals is checked at one even gap, unlike the power
 * alone, which checks the late tail ever more sparsely.
 */
export interface EvenGapRule {
  /** The longest gap between checks where the rule applies, at a price of 1 s. */
  readonly gapS: number;
  /** The rule applies where the hazard (per second) is at least this. */
  readonly fromHazard: number;
  /** Nowhere it applies is the density above this many times 1 / `gapS`... */
  readonly topRatio: number;
  /**
   * ...unless the density (h / c)^(1/(q+1)) with this exponent q is higher there: where the hazard is high (the hump
   * that holds most finals, and so the mean of lag) checks follow that power past the top. None: the top holds.
   */
  readonly humpLagPower?: number;
  /** Between 1 / `gapS` and the top the density grows as (h / h at 1 / `gapS`)^k with this k. @default 1/(p+1) */
  readonly bandExponent?: number;
  /** Hold the hump's density to the id's share of the rate cap (the cap over the pending ids, see `evenGapFor`). */
  readonly humpWithinCap?: boolean;
  /** That share now, checks per second per pending id (set per placement when `humpWithinCap`). */
  readonly capShareDensity?: number;
  /**
   * Each bin is placed with the highest hazard of itself and this many bins before it: the density of a hump
   * reaches a little past where the learned hazard falls, whose estimate rests on few events. @default 0
   */
  readonly guardBins?: number;
}

/** The learner's even-gap rule unless told otherwise: 8.5 s, from 0.0003 per second, at most 1.7 times as dense. */
export const DEFAULT_EVEN_GAP_RULE: EvenGapRule = { gapS: 8.5, fromHazard: 3e-4, topRatio: 1.7 };

/**
 * An option, not the default: the even-gap rule with the hump checked for p = 1.5 within each id's share of the cap
 * and a density that rises linearly in the hazard from the gap to the top (see `HUMP_LEARNER_OPTIONS`).
 */
export const HUMP_EVEN_GAP_RULE: EvenGapRule = {
  ...DEFAULT_EVEN_GAP_RULE,
  humpLagPower: 1.5,
  humpWithinCap: true,
  bandExponent: 1,
};

/** Limits of one placement, in seconds. */
export interface PlacementLimits {
  /** The least time between two checks of one id. @default 1 */
  readonly minGapS?: number;
  /** The most time between two checks of one id at this age (min(600, age / 2 + 10) by default). */
  readonly maxGapS?: number;
  /** Never skip past this age (a deadline): a check lands exactly on it. */
  readonly deadlineAgeS?: number | null;
}

/** The default longest gap at an age: min(10 min, age / 2 + 10 s). */
export function defaultMaxGapS(ageS: number): number {
  return Math.min(600, Math.max(0, ageS) / 2 + 10);
}

/**
 * The hazard the density is computed from: the hazard itself, or, where the even-gap rule applies, the hazard held
 * between the two at which (h / 1 s)^(1/(p+1)) is 1 / gapS and topRatio / gapS.
 */
export function shapedHazard(hazard: number, shape: number | DensityShape = DEFAULT_LAG_POWER): number {
  if (typeof shape === 'number') return hazard;
  const rule = shape.evenGap ?? null;
  if (rule === null || !(hazard >= rule.fromHazard) || !(hazard > 0)) return hazard;
  const exponent = shape.lagPower + 1;
  const floor = rule.gapS ** -exponent;
  const band = rule.bandExponent === undefined ? 1 : rule.bandExponent * exponent;
  return Math.min(floor * rule.topRatio ** exponent, floor * (Math.max(hazard, floor) / floor) ** band);
}

/** The check density (checks per second) at hazard `hazard` and price `priceS`. */
export function checkDensity(
  rawHazard: number,
  priceS: number,
  shape: number | DensityShape = DEFAULT_LAG_POWER,
): number {
  const hazard = shapedHazard(rawHazard, shape);
  if (!(hazard > 0)) return 0;
  const { lagPower, kneeHazard, tailLagPower } = typeof shape === 'number' ? { lagPower: shape } : shape;
  if (kneeHazard === undefined || tailLagPower === undefined || hazard >= kneeHazard) {
    const density = (hazard / priceS) ** (1 / (lagPower + 1));
    const rule = typeof shape === 'number' ? null : (shape.evenGap ?? null);
    // The hump's power only where the top held the hazard down.
    if (rule?.humpLagPower === undefined || !(hazard < rawHazard)) return density;
    const hump = (rawHazard / priceS) ** (1 / (rule.humpLagPower + 1));
    return Math.max(density, Math.min(hump, rule.capShareDensity ?? Number.POSITIVE_INFINITY));
  }
  return (kneeHazard / priceS) ** (1 / (lagPower + 1)) * (hazard / kneeHazard) ** (1 / (tailLagPower + 1));
}

/**
 * The age of the next check of an id checked at age `fromS`: where the density integrated from `fromS` reaches
 * `mass` (1 between checks, a random fraction for a first check), kept between `minGapS` and `maxGapS` after
 * `fromS`, and never past the deadline.
 */
export function nextCheckAgeS(
  hazards: Float64Array,
  fromS: number,
  priceS: number,
  limits: PlacementLimits = {},
  mass = 1,
  shape: number | DensityShape = DEFAULT_LAG_POWER,
): number {
  const minGap = limits.minGapS ?? 1;
  const maxGap = Math.max(minGap, limits.maxGapS ?? defaultMaxGapS(fromS));
  let age = Math.max(0, fromS);
  let remaining = mass;
  let placed = fromS + maxGap;
  const guard = typeof shape === 'number' ? 0 : (shape.evenGap?.guardBins ?? 0);
  for (let bin = binOf(age); bin < BIN_COUNT; bin += 1) {
    let hazard = hazards[bin] ?? 0;
    for (let before = Math.max(0, bin - guard); before < bin; before += 1)
      hazard = Math.max(hazard, hazards[before] ?? 0);
    const density = checkDensity(hazard, priceS, shape);
    const end = binEndS(bin);
    const span = end - age;
    if (density * span >= remaining) {
      placed = age + remaining / density;
      break;
    }
    remaining -= density * span;
    age = end;
    if (age >= fromS + maxGap) break;
  }
  let next = Math.min(Math.max(placed, fromS + minGap), fromS + maxGap);
  const deadline = limits.deadlineAgeS;
  if (deadline !== undefined && deadline !== null && fromS < deadline && next > deadline) {
    next = Math.max(deadline, fromS + minGap);
  }
  return next;
}

/**
 * The price of a request (seconds of lag) at which checking every pending id at its density uses `ratePerSecond`
 * requests per second: `sumRootHazard` is the sum over pending ids of h(age)^(1/(p+1)).
 */
export function priceForRate(
  sumRootHazard: number,
  ratePerSecond: number,
  lagPower = DEFAULT_LAG_POWER,
): number {
  if (!(sumRootHazard > 0) || !(ratePerSecond > 0)) return 0;
  return (sumRootHazard / ratePerSecond) ** (lagPower + 1);
}

/**
 * The root hazard at an age, the term {@link priceForRate} sums: the density at a price of 1 s, h^(1/(p+1)) for
 * the plain shape (every shape's density is this times c^(-1/(p+1))).
 */
export function rootHazard(
  hazards: Float64Array,
  ageS: number,
  shape: number | DensityShape = DEFAULT_LAG_POWER,
): number {
  return checkDensity(hazards[binOf(ageS)] ?? 0, 1, shape);
}
