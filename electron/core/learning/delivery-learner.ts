/**
 * Learns, from the monitor's own checks, when deliveries happen: one hazard profile per channel mix (SMS only,
 * Viber with SMS fallback) plus their pool, old observations fading with a half-life, and the next check placed
 * where finals are likely. Saved as plain JSON through a store port so the next run starts warm.
 */
import {
  addCounts,
  addFinal,
  addPending,
  ageWhenShareFinal,
  decayCounts,
  emptyCounts,
  estimateHazards,
  shareFinalBy,
  totalEvents,
  type HazardCounts,
} from './hazard-profile';
import { BIN_COUNT } from './age-bins';
import {
  DEFAULT_EVEN_GAP_RULE,
  DEFAULT_LAG_POWER,
  HUMP_EVEN_GAP_RULE,
  type EvenGapRule,
  nextCheckAgeS,
  type DensityShape,
  priceForRate,
  rootHazard,
  type PlacementLimits,
} from './check-placement';

/** The channel mixes that get a profile of their own. */
export const CHANNEL_MIXES = ['sms', 'viber-fallback'] as const;

/** Which channels a message may go through: SMS only, or Viber with SMS fallback. */
export type ChannelMix = (typeof CHANNEL_MIXES)[number];

/** A learned profile as saved between runs. */
export interface SavedDeliveryProfile {
  readonly version: 1;
  /** Epoch ms of the save, to decay the counts by the time spent off. */
  readonly savedAt: number;
  readonly mixes: Readonly<Record<ChannelMix, HazardCounts>>;
}

/** Options of {@link DeliveryLearner}. */
export interface DeliveryLearnerOptions {
  /** Observations lose half their weight in this long, so a change at SMSBAT is learned within a day. @default 21_600_000 */
  readonly halfLifeMs?: number;
  /** A mix uses its own profile once it rests on this many events, the pooled one before. @default 30 */
  readonly minMixEvents?: number;
  /** Pool neighbouring bins until an estimate rests on this many events. @default 4 */
  readonly minPooledEvents?: number;
  /** The exponent p of the lag being minimised for ids without a deadline (see check-placement). @default DEFAULT_PLAIN_LAG_POWER */
  readonly lagPower?: number;
  /** The exponent p the checks of an id with a deadline (a one-time code) are placed with. @default 2 */
  readonly codeLagPower?: number;
  /** Below this hazard (per second) the density follows `tailLagPower` (see `DensityShape`). */
  readonly kneeHazard?: number;
  /** The exponent below `kneeHazard`. */
  readonly tailLagPower?: number;
  /**
   * The rule shaped for a p95 of lag (see `EvenGapRule`) that places the checks of ids with a deadline; null: the
   * power of the hazard alone for them too. @default DEFAULT_EVEN_GAP_RULE
   */
  readonly evenGap?: EvenGapRule | null;
  /** Stop pooling a bin at a neighbour whose hazard its own counts rule out (see `HazardTuning`). @default true */
  readonly poolOnlyConsistent?: boolean;
  /** Weight of the prior, in message-equivalents watched through a bin (see `HazardTuning`). @default 0.1 */
  readonly priorWeight?: number;
  /** Significance of the pooling test (see `HazardTuning`). @default 0.01 */
  readonly poolTestLevel?: number;
  /** The hazards are re-estimated after this many observations (fewer: a cold start reacts sooner). @default 64 */
  readonly recomputeEveryObservations?: number;
  /** A profile saved by an earlier run. */
  readonly saved?: SavedDeliveryProfile | null;
}

/** Share of messages final by these ages, as `smsbat-monitor profile` prints it. */
export interface ProfileSummary {
  readonly events: number;
  readonly shareFinalBy: readonly { readonly ageS: number; readonly share: number }[];
}

/** Ages the summary reports: 10 s, 30 s, 2 min, 10 min, 1 h. */
export const SUMMARY_AGES_S = [10, 30, 120, 600, 3600] as const;

/**
 * The exponent p for ids without a deadline: between Keller's p = 1, the least mean lag, and p = 2, which pulls in
 * the tail. Campaigns and a steady trickle are judged by their mean lag, and p = 1.5 keeps their p95 well below fixed
 * polling's; codes, judged by whether they are known in time, keep p = 2 with the even-gap rule.
 */
export const DEFAULT_PLAIN_LAG_POWER = 1.5;

/**
 * The learner's weight of the prior (the estimate's own default is 0.5): a burst of 50 ids is enough to overrule
 * the prior's guess of finals at every age, so the cold start checks what it has seen rather than the guess.
 */
export const DEFAULT_LEARNER_PRIOR_WEIGHT = 0.1;

/**
 * An option, not the default: codes placed by `HUMP_EVEN_GAP_RULE` and the hazards re-estimated every 8
 * observations. On hundreds of seeds it brings the burst of codes' mean within 1.1-1.2x of the oracle under the cap
 * and the cold second-hump p95 to 0.74x, at a warm default p95 of 0.79-0.80x (README, "The burst of 50 codes").
 */
export const HUMP_LEARNER_OPTIONS: DeliveryLearnerOptions = {
  evenGap: HUMP_EVEN_GAP_RULE,
  recomputeEveryObservations: 8,
};

const RECOMPUTE_EVERY_OBSERVATIONS = 64;
const DECAY_EVERY_MS = 60_000;

type Mix = ChannelMix | 'pooled';

/** The learner: feed it every check's answer, ask it for every next check. */
export class DeliveryLearner {
  readonly #halfLifeMs: number;
  readonly #minMixEvents: number;
  readonly #minPooledEvents: number;
  readonly #lagPower: number;
  readonly #codeLagPower: number;
  readonly #shape: DensityShape;
  readonly #evenGap: EvenGapRule | null;
  readonly #poolOnlyConsistent: boolean;
  readonly #priorWeight: number;
  readonly #poolTestLevel: number | undefined;
  readonly #recomputeEvery: number;
  readonly #counts: Record<ChannelMix, HazardCounts>;
  readonly #hazards = new Map<Mix, Float64Array>();
  #sinceRecompute = Number.POSITIVE_INFINITY;
  #decayedAt: number | null = null;

  constructor(options: DeliveryLearnerOptions = {}) {
    this.#halfLifeMs = options.halfLifeMs ?? 21_600_000;
    if (!(this.#halfLifeMs > 0)) throw new TypeError(`halfLifeMs must be above 0, got ${this.#halfLifeMs}`);
    this.#minMixEvents = options.minMixEvents ?? 30;
    this.#minPooledEvents = options.minPooledEvents ?? 4;
    this.#lagPower = options.lagPower ?? DEFAULT_PLAIN_LAG_POWER;
    this.#codeLagPower = options.codeLagPower ?? DEFAULT_LAG_POWER;
    this.#shape = {
      lagPower: this.#lagPower,
      ...(options.kneeHazard === undefined ? {} : { kneeHazard: options.kneeHazard }),
      ...(options.tailLagPower === undefined ? {} : { tailLagPower: options.tailLagPower }),
    };
    this.#evenGap = options.evenGap === undefined ? DEFAULT_EVEN_GAP_RULE : options.evenGap;
    this.#poolOnlyConsistent = options.poolOnlyConsistent ?? true;
    this.#priorWeight = options.priorWeight ?? DEFAULT_LEARNER_PRIOR_WEIGHT;
    this.#poolTestLevel = options.poolTestLevel;
    this.#recomputeEvery = options.recomputeEveryObservations ?? RECOMPUTE_EVERY_OBSERVATIONS;
    if (!(Number.isInteger(this.#recomputeEvery) && this.#recomputeEvery >= 1))
      throw new TypeError(
        `recomputeEveryObservations must be a whole number of at least 1, got ${this.#recomputeEvery}`,
      );
    const saved = options.saved ?? null;
    this.#counts = { sms: emptyCounts(), 'viber-fallback': emptyCounts() };
    if (saved !== null) {
      for (const mix of CHANNEL_MIXES) addCounts(this.#counts[mix], saved.mixes[mix]);
      this.#decayedAt = saved.savedAt;
    }
  }

  /** Adds a profile saved by an earlier run (counts decayed by the time since it was saved, at the next observation). */
  restore(saved: SavedDeliveryProfile): void {
    for (const mix of CHANNEL_MIXES) addCounts(this.#counts[mix], saved.mixes[mix]);
    this.#decayedAt = Math.min(this.#decayedAt ?? saved.savedAt, saved.savedAt);
    this.#sinceRecompute = Number.POSITIVE_INFINITY;
  }

  /** The age (s) by which `share` of the mix's messages are final as learned so far, or null when never. */
  finalByAgeS(mix: ChannelMix | null, share: number): number | null {
    return ageWhenShareFinal(this.hazards(mix), share);
  }

  /** A check at age `toS` of a message last checked (or sent) at age `fromS` answered pending or final. */
  observe(mix: ChannelMix, fromS: number, toS: number, final: boolean, nowMs: number): void {
    this.#decay(nowMs);
    if (final) addFinal(this.#counts[mix], fromS, toS);
    else addPending(this.#counts[mix], fromS, toS);
    this.#sinceRecompute += 1;
  }

  /** Per-bin hazards for a mix: its own once it has enough events, the pooled profile until then. */
  hazards(mix: ChannelMix | null): Float64Array {
    if (this.#sinceRecompute >= this.#recomputeEvery) this.#recompute();
    const own = mix === null ? undefined : this.#hazards.get(mix);
    return own ?? this.#hazards.get('pooled') ?? estimateHazards(emptyCounts());
  }

  /** The even-gap rule this learner places codes with (see `DeliveryLearnerOptions.evenGap`), or null. */
  get evenGap(): EvenGapRule | null {
    return this.#evenGap;
  }

  /**
   * The age of the next check (see `nextCheckAgeS`), with this learner's hazards and, when one is given, an
   * even-gap rule on top of its density, at the codes' exponent (for ids with a deadline, see `placeNextCheck`).
   */
  nextCheckAgeS(
    mix: ChannelMix | null,
    fromS: number,
    priceS: number,
    limits: PlacementLimits = {},
    mass = 1,
    evenGap: EvenGapRule | null = null,
  ): number {
    const shape = evenGap === null ? this.#shape : { ...this.#shape, lagPower: this.#codeLagPower, evenGap };
    return nextCheckAgeS(this.hazards(mix), fromS, priceS, limits, mass, shape);
  }

  /** h(age)^(1/(p+1)) for a pending message, the term the rate-cap price sums over pending ids. */
  rootHazard(mix: ChannelMix | null, ageS: number): number {
    return rootHazard(this.hazards(mix), ageS, this.#shape);
  }

  /**
   * The price of a request: the larger of the user's setting and what the rate cap forces when many ids are
   * pending (`sumRootHazard` over them, `ratePerSecond` the share of the cap checks may use).
   */
  priceS(userPriceS: number, sumRootHazard: number, ratePerSecond: number): number {
    return Math.max(userPriceS, priceForRate(sumRootHazard, ratePerSecond, this.#lagPower));
  }

  /** The profile as saved between runs. */
  save(nowMs: number): SavedDeliveryProfile {
    this.#decay(nowMs);
    const copy = (counts: HazardCounts): HazardCounts => ({
      exposureS: [...counts.exposureS],
      events: [...counts.events],
    });
    return {
      version: 1,
      savedAt: nowMs,
      mixes: { sms: copy(this.#counts.sms), 'viber-fallback': copy(this.#counts['viber-fallback']) },
    };
  }

  /** Share final by 10 s, 30 s, 2 min, 10 min and 1 h (of those that end), and the events it rests on. */
  summary(mix: ChannelMix | null = null): ProfileSummary {
    const hazards = this.hazards(mix);
    const counts = mix === null ? this.#pooledCounts() : this.#counts[mix];
    return {
      events: totalEvents(counts),
      shareFinalBy: SUMMARY_AGES_S.map((ageS) => ({ ageS, share: shareFinalBy(hazards, ageS) })),
    };
  }

  #pooledCounts(): HazardCounts {
    const pooled = emptyCounts();
    for (const mix of CHANNEL_MIXES) addCounts(pooled, this.#counts[mix]);
    return pooled;
  }

  #recompute(): void {
    this.#sinceRecompute = 0;
    const tuning = {
      minPooledEvents: this.#minPooledEvents,
      poolOnlyConsistent: this.#poolOnlyConsistent,
      priorWeight: this.#priorWeight,
      ...(this.#poolTestLevel === undefined ? {} : { poolTestLevel: this.#poolTestLevel }),
    };
    this.#hazards.set('pooled', estimateHazards(this.#pooledCounts(), tuning));
    for (const mix of CHANNEL_MIXES) {
      if (totalEvents(this.#counts[mix]) >= this.#minMixEvents) {
        this.#hazards.set(mix, estimateHazards(this.#counts[mix], tuning));
      } else {
        this.#hazards.delete(mix);
      }
    }
  }

  #decay(nowMs: number): void {
    if (this.#decayedAt === null) {
      this.#decayedAt = nowMs;
      return;
    }
    const elapsed = nowMs - this.#decayedAt;
    if (elapsed < DECAY_EVERY_MS) return;
    const factor = 0.5 ** (elapsed / this.#halfLifeMs);
    for (const mix of CHANNEL_MIXES) decayCounts(this.#counts[mix], factor);
    this.#decayedAt = nowMs;
  }
}

/** True when `json` has the shape of a saved profile (a damaged or foreign file starts cold instead). */
export function isSavedDeliveryProfile(json: unknown): json is SavedDeliveryProfile {
  if (typeof json !== 'object' || json === null) return false;
  const candidate = json as { version?: unknown; savedAt?: unknown; mixes?: Record<string, unknown> };
  if (
    candidate.version !== 1 ||
    typeof candidate.savedAt !== 'number' ||
    typeof candidate.mixes !== 'object'
  ) {
    return false;
  }
  return CHANNEL_MIXES.every((mix) => {
    const counts = candidate.mixes?.[mix] as { exposureS?: unknown; events?: unknown } | undefined;
    const ok = (values: unknown) =>
      Array.isArray(values) &&
      values.length === BIN_COUNT &&
      values.every((value) => typeof value === 'number' && Number.isFinite(value) && value >= 0);
    return counts !== undefined && ok(counts.exposureS) && ok(counts.events);
  });
}
