/**
 * Snoozing notifications: a time until which none are shown (epoch ms, since it is a time people read), or null.
 * Checking goes on while snoozed, and the tray keeps showing failures.
 */
export type Snooze = { readonly until: number } | null;

/** How long to snooze: one hour, or until the next morning. */
export type SnoozeChoice = 'hour' | 'morning';

/** The local hour "until tomorrow morning" ends at. */
export const MORNING_HOUR = 8;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The local time zone's offset from UTC in minutes at an instant (east positive), e.g. 120 for Kyiv in winter. */
export type OffsetAt = (epochMs: number) => number;

/** The system's local offset. */
export const systemOffsetAt: OffsetAt = (epochMs) => -new Date(epochMs).getTimezoneOffset();

/**
 * The next local 08:00 after `now`: today's when it is not 08:00 yet (snoozing at 1 a.m. means "until this
 * morning"), else tomorrow's. Daylight saving changes are followed through `offsetAt`.
 */
export function nextMorning(now: number, offsetAt: OffsetAt = systemOffsetAt): number {
  const local = now + offsetAt(now) * 60_000;
  const localMidnight = Math.floor(local / DAY_MS) * DAY_MS;
  const morningToday = localMidnight + MORNING_HOUR * HOUR_MS;
  const targetLocal = local < morningToday ? morningToday : morningToday + DAY_MS;
  const guess = targetLocal - offsetAt(now) * 60_000;
  return targetLocal - offsetAt(guess) * 60_000;
}

/** The snooze a choice starts at `now`. */
export function startSnooze(choice: SnoozeChoice, now: number, offsetAt: OffsetAt = systemOffsetAt): Snooze {
  return { until: choice === 'hour' ? now + HOUR_MS : nextMorning(now, offsetAt) };
}

/** True while notifications are snoozed at `now` (the snooze ends exactly at `until`). */
export function isSnoozed(snooze: Snooze, now: number): boolean {
  return snooze !== null && now < snooze.until;
}

/** The snooze as it stands at `now`: null once it has run out. */
export function currentSnooze(snooze: Snooze, now: number): Snooze {
  return isSnoozed(snooze, now) ? snooze : null;
}
