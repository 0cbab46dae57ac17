import { describe, expect, it } from 'vitest';
import {
  currentSnooze,
  isSnoozed,
  nextMorning,
  startSnooze,
  type OffsetAt,
} from '../../../../electron/main/notifications/snooze';

const KYIV_WINTER: OffsetAt = () => 120;
/** Local time in a UTC+2 zone, as epoch ms. */
function kyiv(day: number, hour: number, minute = 0, second = 0): number {
  return Date.UTC(2026, 11, day, hour - 2, minute, second);
}

describe('snooze', () => {
  it('snoozes "until tomorrow morning" to this morning before 08:00, to tomorrow from 08:00 on', () => {
    expect(nextMorning(kyiv(8, 7, 59, 59), KYIV_WINTER)).toBe(kyiv(8, 8));
    expect(nextMorning(kyiv(8, 8), KYIV_WINTER)).toBe(kyiv(9, 8));
    expect(nextMorning(kyiv(8, 8, 0, 1), KYIV_WINTER)).toBe(kyiv(9, 8));
    expect(nextMorning(kyiv(8, 23, 59), KYIV_WINTER)).toBe(kyiv(9, 8));
    expect(nextMorning(kyiv(9, 0, 30), KYIV_WINTER)).toBe(kyiv(9, 8));
  });

  it('follows a daylight saving change overnight', () => {
    // Kyiv moves from UTC+2 to UTC+3 at 2026-03-29 01:00 UTC.
    const change = Date.UTC(2026, 2, 29, 1, 0);
    const offsetAt: OffsetAt = (at) => (at < change ? 120 : 180);
    const evening = Date.UTC(2026, 2, 28, 20, 0); // 22:00 local, UTC+2
    expect(nextMorning(evening, offsetAt)).toBe(Date.UTC(2026, 2, 29, 5, 0)); // 08:00 local, UTC+3
  });

  it('snoozes for exactly one hour, ending at its last millisecond', () => {
    const now = 1_000_000;
    const snooze = startSnooze('hour', now);
    expect(snooze).toEqual({ until: now + 3_600_000 });
    expect(isSnoozed(snooze, now + 3_600_000 - 1)).toBe(true);
    expect(isSnoozed(snooze, now + 3_600_000)).toBe(false);
    expect(currentSnooze(snooze, now + 3_600_000)).toBeNull();
    expect(currentSnooze(snooze, now)).toBe(snooze);
    expect(isSnoozed(null, now)).toBe(false);
  });

  it('starts a morning snooze at the next local 08:00', () => {
    expect(startSnooze('morning', kyiv(8, 22), KYIV_WINTER)).toEqual({ until: kyiv(9, 8) });
  });
});
