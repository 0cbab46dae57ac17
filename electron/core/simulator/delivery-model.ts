/**
 * The simulator's delivery model: for every message id, a deterministic timeline drawn from a hash of (seed, id),
 * and the SMSBAT response body that timeline implies at a given moment.
 *
 * Outcomes and their timing come from a delivery profile (`profiles/`, `--profile FILE`); the default profile
 * (`profiles/default.json`) is, for ids without a magic prefix:
 * - 75% `delivered` 2-30 s after first seen ("delivered-fast");
 * - 10% `delivered` 1-30 min after first seen, a late delivery report ("delivered-late");
 * -  8% `undeliverable` 3-60 s after first seen;
 * -  3% `permanenterror` 2-10 min after first seen;
 * -  4% never final ("stuck"): half stay `scheduled`, half stay `processing`, for as long as anyone asks.
 * Every id starts `scheduled` and moves to `processing` after the profile's `processingAfterS` (0.3-3 s by
 * default; never later than half-way to its final status). Statuses never go back. A delivered outcome whose
 * median delay is above a minute counts as "delivered-late", otherwise "delivered-fast".
 *
 * Shapes: 30% are Viber with SMS fallback and get the EXTENDED response (fallbacks, extendedStatuses, rate,
 * rateAmount, rateCurrency, billAmount, billCurrency); of those that are delivered, 60% are delivered by Viber
 * (`sms: not_used`) and 40% fall back to SMS (`viber: expired|undeliverable`, `sms: delivered`). Extended ones that
 * fail always tried the fallback. The other 70% get the BASIC response (messagelistId, messageId, deliverystatus,
 * partscount, cost) with no currency. `scheduled`/`processing` omit `cost` (and `billAmount`/`billCurrency`);
 * `undeliverable`/`permanenterror` cost `0.00`.
 *
 * Parts: 1 (60%), 2 (25%), 3 (10%), 4 (5%); Viber-delivered messages are 1 part. Price per part: basic
 * 0.012-0.9 (log-uniform, currency unknown); extended UAH 0.35-0.9 (50%), USD 0.012-0.05 (30%), EUR 0.011-0.045
 * (20%). `cost` = `billAmount` = parts x price; `rate` = `rateAmount` = price per part.
 *
 * Magic prefixes (lower case, at the very start of the id, combinable as `late-fallback-42`):
 * - `missing-`: always 404, the message is unknown;
 * - outcome: `fast-`, `late-`, `undeliverable-`, `permanenterror-`, `stuck-` (with the default profile's timing
 *   of that outcome, whatever the profile in force);
 * - channel: `sms-` (basic response), `viber-` (extended, delivered by Viber), `fallback-` (extended, SMS fallback).
 * Anything else not drawn from a prefix still comes from the hash.
 */
import { DEFAULT_PROFILE, type DeliveryProfile } from './profiles/delivery-profile';
import { delayMedianS, delayQuantileS } from './profiles/distributions';
import { intBetween, randomFor, weighted } from './random';

/** How a simulated message ends up. */
export type DeliveryCategory =
  'delivered-fast' | 'delivered-late' | 'undeliverable' | 'permanenterror' | 'stuck';

/** The currencies the extended response quotes. */
export type SimulatorCurrency = 'UAH' | 'USD' | 'EUR';

/** Per-channel statuses of the extended response. */
export interface ExtendedStatuses {
  readonly viber: string;
  readonly sms: string;
}

/** One status change, `afterMs` after the id was first asked about. */
export interface TimelineStep {
  readonly afterMs: number;
  /** The `deliverystatus` from this moment on. */
  readonly status: 'scheduled' | 'processing' | 'delivered' | 'undeliverable' | 'permanenterror';
  /** The `extendedStatuses` from this moment on (extended responses only). */
  readonly extendedStatuses?: ExtendedStatuses;
}

/** Everything the simulator will ever answer about one message id. */
export interface MessageTimeline {
  readonly messageId: string;
  /** Stable per id. */
  readonly messagelistId: number;
  readonly category: DeliveryCategory;
  /** Starts with `scheduled` at 0; the last step is final unless the category is `stuck`. */
  readonly steps: readonly TimelineStep[];
  /** `extended` when Viber with SMS fallback was configured. */
  readonly shape: 'basic' | 'extended';
  /** The channel that carried (or last tried) the message. */
  readonly channel: 'sms' | 'viber';
  /** `none` for basic responses; whether the SMS fallback was used for extended ones. */
  readonly fallback: 'none' | 'not-used' | 'used';
  readonly partsCount: number;
  /** Price of one part: `rate` / `rateAmount` in the extended response. */
  readonly pricePerPart: number;
  /** `cost` once final: parts x price when delivered, 0 when failed; null when never final. */
  readonly finalCost: number | null;
  /** `rateCurrency` / `billCurrency`; null for basic responses (SMSBAT sends no currency there). */
  readonly currency: SimulatorCurrency | null;
}

/** The numbers behind the model, for documentation and for tests that check the proportions. */
export const DELIVERY_MODEL = {
  categories: [
    ['delivered-fast', 0.75],
    ['delivered-late', 0.1],
    ['undeliverable', 0.08],
    ['permanenterror', 0.03],
    ['stuck', 0.04],
  ],
  finalAfterMs: {
    'delivered-fast': [2_000, 30_000],
    'delivered-late': [60_000, 1_800_000],
    undeliverable: [3_000, 60_000],
    permanenterror: [120_000, 600_000],
  },
  processingAfterMs: [300, 3_000],
  extendedShare: 0.3,
  smsFallbackShareOfDelivered: 0.4,
  parts: [
    [1, 0.6],
    [2, 0.25],
    [3, 0.1],
    [4, 0.05],
  ],
  basicPricePerPart: [0.012, 0.9],
  currencies: [
    ['UAH', 0.5, [0.35, 0.9]],
    ['USD', 0.3, [0.012, 0.05]],
    ['EUR', 0.2, [0.011, 0.045]],
  ],
} as const satisfies {
  readonly categories: readonly (readonly [DeliveryCategory, number])[];
  readonly finalAfterMs: Readonly<Record<Exclude<DeliveryCategory, 'stuck'>, readonly [number, number]>>;
  readonly processingAfterMs: readonly [number, number];
  readonly extendedShare: number;
  readonly smsFallbackShareOfDelivered: number;
  readonly parts: readonly (readonly [number, number])[];
  readonly basicPricePerPart: readonly [number, number];
  readonly currencies: readonly (readonly [SimulatorCurrency, number, readonly [number, number]])[];
};

/** Ids with this prefix are always unknown (404). */
export const MISSING_PREFIX = 'missing-';

const OUTCOME_PREFIXES: Readonly<Record<string, DeliveryCategory>> = {
  'fast-': 'delivered-fast',
  'late-': 'delivered-late',
  'undeliverable-': 'undeliverable',
  'permanenterror-': 'permanenterror',
  'stuck-': 'stuck',
};

type Route = 'sms' | 'viber' | 'fallback';

const ROUTE_PREFIXES: Readonly<Record<string, Route>> = {
  'sms-': 'sms',
  'viber-': 'viber',
  'fallback-': 'fallback',
};

const WELL_FORMED_ID = /^[A-Za-z0-9_.:;-]{1,128}$/;

/** True for ids SMSBAT could have issued: 1-128 of letters, digits, `-`, `_`, `.`, `:`, `;`. */
export function isWellFormedId(messageId: string): boolean {
  return WELL_FORMED_ID.test(messageId);
}

/** True for ids the simulator knows about: well-formed and without the `missing-` prefix. */
export function isKnownId(messageId: string): boolean {
  return isWellFormedId(messageId) && !messageId.startsWith(MISSING_PREFIX);
}

/** Delivered outcomes with a median delay above this are late delivery reports. */
const LATE_MEDIAN_S = 60;

/** The category of each outcome of a profile, in order. */
function outcomeCategory(outcome: DeliveryProfile['outcomes'][number]): DeliveryCategory {
  if (outcome.status === 'never') return 'stuck';
  if (outcome.status !== 'delivered') return outcome.status;
  return delayMedianS(outcome.after) > LATE_MEDIAN_S ? 'delivered-late' : 'delivered-fast';
}

/** The timeline of one id: a pure function of (seed, id, profile). */
export function timelineFor(
  seed: number,
  messageId: string,
  profile: DeliveryProfile = DEFAULT_PROFILE,
): MessageTimeline {
  const random = randomFor(seed, messageId);
  // Draw everything up front, in a fixed order, so that prefixes override values without shifting other draws.
  const draws = {
    outcome: weighted(
      random,
      profile.outcomes.map((outcome, index) => [index, outcome.share] as const),
    ),
    finalRoll: random(),
    processingMs: delayQuantileS(profile.processingAfterS, random()) * 1000,
    extended: random() < DELIVERY_MODEL.extendedShare,
    smsFallback: random() < DELIVERY_MODEL.smsFallbackShareOfDelivered,
    fallbackRoll: random(),
    stuckInProcessing: random() < 0.5,
    parts: weighted(random, DELIVERY_MODEL.parts),
    currency: weighted(
      random,
      DELIVERY_MODEL.currencies.map(([currency, weight]) => [currency, weight] as const),
    ),
    priceRoll: random(),
    messagelistId: intBetween(random, 100_000, 9_999_999),
    viberFailure: random() < 0.5 ? 'expired' : 'undeliverable',
  };
  const forced = forcedByPrefix(messageId);
  const drawn = profile.outcomes[draws.outcome];
  const category = forced.category ?? (drawn ? outcomeCategory(drawn) : 'stuck');
  const route: Route = forced.route ?? (draws.extended ? (draws.smsFallback ? 'fallback' : 'viber') : 'sms');
  const extended = route !== 'sms';
  const failed = category === 'undeliverable' || category === 'permanenterror';
  const fallbackUsed = extended && (failed || (route === 'fallback' && category !== 'stuck'));
  const partsCount = extended && !fallbackUsed ? 1 : draws.parts;

  const currency = extended ? draws.currency : null;
  const [minPrice, maxPrice]: readonly [number, number] =
    currency === null
      ? DELIVERY_MODEL.basicPricePerPart
      : (DELIVERY_MODEL.currencies.find(([code]) => code === currency)?.[2] ??
        DELIVERY_MODEL.basicPricePerPart);
  const pricePerPart = round4(
    currency === null
      ? logUniform(draws.priceRoll, minPrice, maxPrice)
      : linear(draws.priceRoll, minPrice, maxPrice),
  );

  const viberFailure =
    category === 'undeliverable'
      ? 'undeliverable'
      : category === 'permanenterror'
        ? 'expired'
        : draws.viberFailure;
  const ext = (viber: string, sms: string): { extendedStatuses?: ExtendedStatuses } =>
    extended ? { extendedStatuses: { viber, sms } } : {};

  const steps: TimelineStep[] = [{ afterMs: 0, status: 'scheduled', ...ext('scheduled', 'not_used') }];
  let finalCost: number | null = null;
  if (category === 'stuck') {
    if (draws.stuckInProcessing) {
      steps.push({
        afterMs: Math.round(draws.processingMs),
        status: 'processing',
        ...ext('processing', 'not_used'),
      });
    }
  } else {
    const [min, max] = DELIVERY_MODEL.finalAfterMs[category];
    const finalMs = Math.round(
      forced.category === undefined && drawn !== undefined && drawn.status !== 'never'
        ? delayQuantileS(drawn.after, draws.finalRoll) * 1000
        : linear(draws.finalRoll, min, max),
    );
    const processingMs = Math.round(Math.min(draws.processingMs, finalMs / 2));
    steps.push({ afterMs: processingMs, status: 'processing', ...ext('processing', 'not_used') });
    if (fallbackUsed) {
      const fallbackMs = Math.round(
        processingMs + (finalMs - processingMs) * (0.4 + 0.4 * draws.fallbackRoll),
      );
      steps.push({ afterMs: fallbackMs, status: 'processing', ...ext(viberFailure, 'processing') });
    }
    if (category === 'undeliverable') {
      steps.push({ afterMs: finalMs, status: 'undeliverable', ...ext(viberFailure, 'undeliverable') });
    } else if (category === 'permanenterror') {
      steps.push({ afterMs: finalMs, status: 'permanenterror', ...ext(viberFailure, 'permanenterror') });
    } else if (fallbackUsed) {
      steps.push({ afterMs: finalMs, status: 'delivered', ...ext(viberFailure, 'delivered') });
    } else {
      steps.push({ afterMs: finalMs, status: 'delivered', ...ext('delivered', 'not_used') });
    }
    finalCost = failed ? 0 : round4(partsCount * pricePerPart);
  }

  return {
    messageId,
    messagelistId: draws.messagelistId,
    category,
    steps,
    shape: extended ? 'extended' : 'basic',
    channel: extended && !fallbackUsed ? 'viber' : 'sms',
    fallback: extended ? (fallbackUsed ? 'used' : 'not-used') : 'none',
    partsCount,
    pricePerPart,
    finalCost,
    currency,
  };
}

/** True when the step's status is final (`delivered`, `undeliverable`, `permanenterror`). */
export function isFinalStep(step: TimelineStep): boolean {
  return step.status !== 'scheduled' && step.status !== 'processing';
}

/** Milliseconds after first seen at which the final status appears, or null when the timeline never ends. */
export function finalAfterMs(timeline: MessageTimeline): number | null {
  const last = timeline.steps[timeline.steps.length - 1];
  return last !== undefined && isFinalStep(last) ? last.afterMs : null;
}

/** The step in force `elapsedMs` after first seen (the first step for negative times). */
export function stepAt(timeline: MessageTimeline, elapsedMs: number): TimelineStep {
  let current = timeline.steps[0];
  for (const step of timeline.steps) {
    if (step.afterMs <= elapsedMs) current = step;
  }
  if (current === undefined) throw new TypeError(`timeline of ${timeline.messageId} has no steps`);
  return current;
}

/** The JSON object SMSBAT would answer `elapsedMs` after the id was first seen (keys in SMSBAT's order). */
export function responseBody(timeline: MessageTimeline, elapsedMs: number): Record<string, unknown> {
  const step = stepAt(timeline, elapsedMs);
  const final = isFinalStep(step);
  const cost = final ? (step.status === 'delivered' ? (timeline.finalCost ?? 0) : 0) : undefined;
  const body: Record<string, unknown> = {
    messagelistId: timeline.messagelistId,
    messageId: timeline.messageId,
    deliverystatus: step.status,
    partscount: timeline.partsCount,
  };
  if (cost !== undefined) body.cost = cost;
  if (timeline.shape === 'extended' && step.extendedStatuses !== undefined) {
    body.fallbacks = [{ type: 'sms', status: step.extendedStatuses.sms }];
    body.extendedStatuses = { viber: step.extendedStatuses.viber, sms: step.extendedStatuses.sms };
    body.rate = timeline.pricePerPart;
    body.rateAmount = timeline.pricePerPart;
    body.rateCurrency = timeline.currency;
    if (cost !== undefined) {
      body.billAmount = cost;
      body.billCurrency = timeline.currency;
    }
  }
  return body;
}

/** JSON text of a body, writing zero amounts as `0.00` the way SMSBAT's documentation shows them. */
export function serializeBody(body: unknown): string {
  return JSON.stringify(body).replace(/"(cost|billAmount)":0(?=[,}])/g, '"$1":0.00');
}

function forcedByPrefix(messageId: string): { category?: DeliveryCategory; route?: Route } {
  const forced: { category?: DeliveryCategory; route?: Route } = {};
  let rest = messageId;
  for (let progressed = true; progressed;) {
    progressed = false;
    for (const [prefix, category] of Object.entries(OUTCOME_PREFIXES)) {
      if (forced.category === undefined && rest.startsWith(prefix)) {
        forced.category = category;
        rest = rest.slice(prefix.length);
        progressed = true;
      }
    }
    for (const [prefix, route] of Object.entries(ROUTE_PREFIXES)) {
      if (forced.route === undefined && rest.startsWith(prefix)) {
        forced.route = route;
        rest = rest.slice(prefix.length);
        progressed = true;
      }
    }
  }
  return forced;
}

function logUniform(roll: number, min: number, max: number): number {
  return Math.exp(Math.log(min) + (Math.log(max) - Math.log(min)) * roll);
}

function linear(roll: number, min: number, max: number): number {
  return min + (max - min) * roll;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
