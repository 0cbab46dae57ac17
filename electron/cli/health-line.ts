import { describeHealth, type EngineHealth } from '../../shared/engine-health';

/** What a health line is about: the blocker when there is one, else the mode. */
function healthState(health: EngineHealth): string {
  return health.blocker?.kind ?? health.mode;
}

/** The blockers a watch reports on stderr as they come and go (the others end the watch, and the caller explains). */
const PASSING_BLOCKERS: ReadonlySet<string> = new Set(['rate_limited', 'offline']);

/** What the watch last reported about the engine's health, and the last answer from SMSBAT it knew of then. */
export interface HealthSeen {
  readonly state: string;
  readonly lastSuccessAt: number | null;
}

/** What to remember of a health the watch starts from without reporting it. */
export function healthSeen(health: EngineHealth): HealthSeen {
  return { state: healthState(health), lastSuccessAt: health.lastSuccessAt };
}

/**
 * The stderr line (without the clock) a change of health deserves, and what to remember: a passing blocker (offline,
 * rate limited) when it starts, and "answering again" when it has cleared and SMSBAT really answered since (a watch
 * stopped while SMSBAT was unreachable says nothing of the kind). Pure.
 */
export function healthLine(
  previous: HealthSeen | null,
  health: EngineHealth,
  now: number,
): { readonly line: string | null; readonly seen: HealthSeen } {
  const state = healthState(health);
  if (previous !== null && state === previous.state) return { line: null, seen: previous };
  const seen = healthSeen(health);
  if (PASSING_BLOCKERS.has(state)) return { line: describeHealth(health, now), seen };
  if (previous === null || !PASSING_BLOCKERS.has(previous.state)) return { line: null, seen };
  const before = previous.lastSuccessAt;
  const answeredSince = health.lastSuccessAt !== null && (before === null || health.lastSuccessAt > before);
  if (!answeredSince) return { line: null, seen: { state, lastSuccessAt: before } };
  const line =
    health.blocker === null && health.mode !== 'stopped' ? 'SMSBAT is answering again; watching.' : null;
  return { line, seen };
}
