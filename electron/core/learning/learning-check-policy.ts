/**
 * The learning policy as the scheduler's `CheckPolicy`: learns the delivery-time profile from every answered check
 * and places each next check with {@link placeNextCheck}. Failures and 404s keep the fallback policy's backoff.
 * Holds per-id state (the age of the last check, the channel mix) for the ids being watched.
 */
import type { CheckObservation, CheckPolicy, CheckState } from '../scheduler/check-policy';
import type { StatusSnapshot } from '../../../shared/message';
import { DeliveryLearner, type ChannelMix } from './delivery-learner';
import { DEFAULT_PRICE_S, placeNextCheck } from './learning-policy';

/** Options of {@link learningCheckPolicy}. */
export interface LearningCheckPolicyOptions {
  /** Where failures and 404s are delayed (the scheduler's backoff). */
  readonly fallback: CheckPolicy;
  /** The learner, e.g. restored from a saved profile. @default a cold learner */
  readonly learner?: DeliveryLearner;
  /** The price of a request in seconds of lag. @default DEFAULT_PRICE_S */
  readonly priceS?: number;
  /** Epoch ms now, for fading old observations and saving. @default Date.now */
  readonly now?: () => number;
  /** Random source in [0, 1) for sampling pending ids and spreading first checks. @default Math.random */
  readonly random?: () => number;
}

/** The learning `CheckPolicy`, with its learner (to save or print the profile). */
export interface LearningCheckPolicy extends CheckPolicy {
  readonly learner: DeliveryLearner;
}

interface Tracked {
  /** Monotonic ms the id was added (now - age when first seen by the policy). */
  readonly addedAtMs: number;
  lastCheckAgeS: number | null;
  /** The age its deadline fell at, kept after the scheduler reports it overdue: a code stays a code. */
  deadlineAgeS: number | null;
  mix: ChannelMix | null;
  position: number;
}

const PRICE_REFRESH_MS = 2_000;
const PRICE_SAMPLE = 256;

/** The channel mix a status shows: Viber with SMS fallback when fallbacks are configured, SMS otherwise. */
export function channelMixOf(snapshot: StatusSnapshot): ChannelMix {
  return snapshot.fallbacks.length > 0 || snapshot.channels.some((channel) => channel.channel === 'viber')
    ? 'viber-fallback'
    : 'sms';
}

/** Creates the learning policy. */
export function learningCheckPolicy(options: LearningCheckPolicyOptions): LearningCheckPolicy {
  const learner = options.learner ?? new DeliveryLearner();
  const priceS = options.priceS ?? DEFAULT_PRICE_S;
  if (!(priceS >= 0 && Number.isFinite(priceS)))
    throw new TypeError(`priceS must be a number >= 0, got ${priceS}`);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const tracked = new Map<string, Tracked>();
  const order: string[] = [];
  let rootSum = 0;
  let refreshedAt = Number.NEGATIVE_INFINITY;

  const track = (messageId: string, state: { readonly ageMs: number; readonly nowMs?: number }): Tracked => {
    let entry = tracked.get(messageId);
    if (entry === undefined) {
      entry = {
        addedAtMs: (state.nowMs ?? 0) - state.ageMs,
        lastCheckAgeS: null,
        deadlineAgeS: null,
        mix: null,
        position: order.length,
      };
      tracked.set(messageId, entry);
      order.push(messageId);
    }
    return entry;
  };
  const forget = (messageId: string) => {
    const entry = tracked.get(messageId);
    if (entry === undefined) return;
    tracked.delete(messageId);
    const last = order.pop();
    if (last !== undefined && last !== messageId) {
      order[entry.position] = last;
      const moved = tracked.get(last);
      if (moved) moved.position = entry.position;
    }
  };
  const refresh = (nowMs: number) => {
    if (nowMs - refreshedAt < PRICE_REFRESH_MS) return;
    refreshedAt = nowMs;
    const count = Math.min(PRICE_SAMPLE, order.length);
    let sum = 0;
    for (let i = 0; i < count; i += 1) {
      const id = count === order.length ? order[i] : order[Math.floor(random() * order.length)];
      const entry = id === undefined ? undefined : tracked.get(id);
      if (entry) sum += learner.rootHazard(entry.mix, (nowMs - entry.addedAtMs) / 1000);
    }
    rootSum = count === 0 ? 0 : (sum * order.length) / count;
  };
  const place = (state: CheckState, first: boolean): number => {
    const messageId = state.messageId;
    if (messageId === undefined) return options.fallback.nextDelayMs(state);
    const entry = track(messageId, state);
    const nowMs = state.nowMs ?? entry.addedAtMs + state.ageMs;
    refresh(nowMs);
    const ageS = state.ageMs / 1000;
    const deadlineIn = state.deadlineInMs ?? null;
    if (deadlineIn !== null) entry.deadlineAgeS = ageS + deadlineIn / 1000;
    const nextAgeS = placeNextCheck(learner, {
      ageS,
      lastCheckAgeS: first ? null : (entry.lastCheckAgeS ?? ageS),
      neverChecked: first && state.rawStatus === null,
      mix: entry.mix,
      deadlineAgeS: entry.deadlineAgeS,
      pendingRootHazardSum: rootSum,
      pendingCount: state.pendingCount ?? order.length,
      maxRequestsPerSecond: state.maxRequestsPerSecond ?? 10,
      priceS,
      random: first ? 1 - random() : 1,
    });
    return Math.max(0, (nextAgeS - ageS) * 1000);
  };

  return {
    learner,
    firstDelayMs: (state) => place(state, true),
    nextDelayMs: (state) =>
      state.outcome === 'failed' || state.outcome === 'not_found'
        ? options.fallback.nextDelayMs(state)
        : place(state, false),
    observe(observation: CheckObservation) {
      const entry = track(observation.messageId, observation);
      const ageS = observation.ageMs / 1000;
      const mix =
        observation.exact === true
          ? (entry.mix ?? channelMixOf(observation.snapshot))
          : channelMixOf(observation.snapshot);
      const fromS = entry.lastCheckAgeS ?? 0;
      if (observation.exact === true) {
        // A webhook's time: pending up to it, and a final exactly at it rather than somewhere since the last check.
        if (ageS > fromS) learner.observe(mix, fromS, ageS, false, now());
        if (observation.final) learner.observe(mix, ageS, ageS, true, now());
      } else {
        learner.observe(mix, fromS, ageS, observation.final, now());
      }
      entry.lastCheckAgeS = Math.max(ageS, entry.lastCheckAgeS ?? 0);
      entry.mix = mix;
      if (observation.final) forget(observation.messageId);
    },
    forget,
  };
}
