/**
 * A delivery profile: what share of messages ends in which status, and how long after sending. The simulator's
 * delivery model reads one (the default reproduces its historical model); `--profile FILE` supplies another.
 */
import defaultProfileJson from './default.json' with { type: 'json' };
import type { DelayDistribution } from './distributions';

/** The statuses an outcome may end in; `never` stays pending for as long as anyone asks. */
export const PROFILE_STATUSES = ['delivered', 'undeliverable', 'permanenterror', 'never'] as const;

/** How one share of messages ends. */
export type ProfileOutcome =
  | {
      /** Share of all messages (the shares of a profile add up to 1). */
      readonly share: number;
      readonly status: 'delivered' | 'undeliverable' | 'permanenterror';
      /** Delay from sending to the final status. */
      readonly after: DelayDistribution;
    }
  | { readonly share: number; readonly status: 'never' };

/** A whole delivery profile. */
export interface DeliveryProfile {
  readonly outcomes: readonly ProfileOutcome[];
  /** Delay from sending to `processing` (never later than half-way to the final status). */
  readonly processingAfterS: DelayDistribution;
}

/** Shares may miss 1 by this much (decimal fractions written by hand). */
const SHARE_TOLERANCE = 1e-6;

/** A profile file that cannot be used: names the field (as a path) and the reason. */
export class ProfileError extends TypeError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'ProfileError';
  }
}

/** Checks parsed JSON and returns it as a profile; throws a {@link ProfileError} naming the first bad field. */
export function parseDeliveryProfile(json: unknown, root = 'profile'): DeliveryProfile {
  const object = record(json, root);
  knownKeys(object, root, ['outcomes', 'processingAfterS']);
  const rawOutcomes = object.outcomes;
  if (!Array.isArray(rawOutcomes) || rawOutcomes.length === 0) {
    throw new ProfileError(`${root}.outcomes`, 'must be a non-empty array of outcomes');
  }
  const outcomes = rawOutcomes.map((raw: unknown, index) => parseOutcome(raw, `${root}.outcomes[${index}]`));
  const total = outcomes.reduce((sum, outcome) => sum + outcome.share, 0);
  if (Math.abs(total - 1) > SHARE_TOLERANCE) {
    throw new ProfileError(`${root}.outcomes`, `shares must add up to 1 (they add up to ${round(total)})`);
  }
  const processingAfterS =
    object.processingAfterS === undefined
      ? DEFAULT_PROCESSING_AFTER
      : parseDistribution(object.processingAfterS, `${root}.processingAfterS`);
  return { outcomes, processingAfterS };
}

const DEFAULT_PROCESSING_AFTER: DelayDistribution = { dist: 'uniform', minS: 0.3, maxS: 3 };

function parseOutcome(raw: unknown, path: string): ProfileOutcome {
  const object = record(raw, path);
  knownKeys(object, path, ['share', 'status', 'after', 'note']);
  const share = object.share;
  if (typeof share !== 'number' || !Number.isFinite(share) || share < 0 || share > 1) {
    throw new ProfileError(`${path}.share`, `must be a number from 0 to 1 (got ${show(share)})`);
  }
  const status = object.status;
  if (!PROFILE_STATUSES.includes(status as (typeof PROFILE_STATUSES)[number])) {
    throw new ProfileError(
      `${path}.status`,
      `must be one of ${PROFILE_STATUSES.join(', ')} (got ${show(status)})`,
    );
  }
  if (status === 'never') {
    if (object.after !== undefined)
      throw new ProfileError(`${path}.after`, 'must be absent when status is never');
    return { share, status };
  }
  if (object.after === undefined)
    throw new ProfileError(`${path}.after`, `is required when status is ${String(status)}`);
  return {
    share,
    status: status as 'delivered' | 'undeliverable' | 'permanenterror',
    after: parseDistribution(object.after, `${path}.after`),
  };
}

function parseDistribution(raw: unknown, path: string): DelayDistribution {
  const object = record(raw, path);
  const positive = (key: string, zeroAllowed = false): number => {
    const value = object[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) {
      throw new ProfileError(
        `${path}.${key}`,
        `must be a ${zeroAllowed ? 'non-negative' : 'positive'} number of seconds (got ${show(value)})`,
      );
    }
    return value;
  };
  switch (object.dist) {
    case 'uniform': {
      knownKeys(object, path, ['dist', 'minS', 'maxS']);
      const minS = positive('minS', true);
      const maxS = positive('maxS', true);
      if (maxS < minS) throw new ProfileError(`${path}.maxS`, `must be at least minS (${minS}), got ${maxS}`);
      return { dist: 'uniform', minS, maxS };
    }
    case 'lognormal': {
      knownKeys(object, path, ['dist', 'medianS', 'sigma']);
      const medianS = positive('medianS');
      const sigma = object.sigma;
      if (typeof sigma !== 'number' || !Number.isFinite(sigma) || sigma <= 0 || sigma > 5) {
        throw new ProfileError(
          `${path}.sigma`,
          `must be a number above 0 and at most 5 (got ${show(sigma)})`,
        );
      }
      return { dist: 'lognormal', medianS, sigma };
    }
    case 'exponential': {
      knownKeys(object, path, ['dist', 'meanS']);
      return { dist: 'exponential', meanS: positive('meanS') };
    }
    default:
      throw new ProfileError(
        `${path}.dist`,
        `must be uniform, lognormal or exponential (got ${show(object.dist)})`,
      );
  }
}

function record(raw: unknown, path: string): Readonly<Record<string, unknown>> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ProfileError(path, `must be an object (got ${show(raw)})`);
  }
  return raw as Readonly<Record<string, unknown>>;
}

function knownKeys(object: Readonly<Record<string, unknown>>, path: string, keys: readonly string[]): void {
  for (const key of Object.keys(object)) {
    if (!keys.includes(key))
      throw new ProfileError(`${path}.${key}`, `is not a known field (known: ${keys.join(', ')})`);
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The simulator's historical delivery model as a profile (`default.json`). */
export const DEFAULT_PROFILE: DeliveryProfile = parseDeliveryProfile(defaultProfileJson, 'default.json');

/** The share of messages that ever reach a final status. */
export function finalShare(profile: DeliveryProfile): number {
  return profile.outcomes.reduce((sum, outcome) => sum + (outcome.status === 'never' ? 0 : outcome.share), 0);
}
