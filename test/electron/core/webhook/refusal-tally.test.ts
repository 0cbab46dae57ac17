import { describe, expect, it } from 'vitest';
import {
  NO_REFUSALS,
  REFUSAL_BUCKET_MS,
  REFUSAL_WINDOW_MS,
  refusalsInLastHour,
  tallyRefusal,
  type RefusalTally,
} from '../../../../electron/core/webhook/refusal-tally';

const T0 = Date.UTC(2026, 11, 8, 10, 0, 0);

describe('counting refused webhooks over the last hour', () => {
  it('counts each reason, within a minute and across minutes', () => {
    let tally: RefusalTally = [];
    tally = tallyRefusal(tally, 'not_json', T0);
    tally = tallyRefusal(tally, 'not_json', T0 + 30_000);
    tally = tallyRefusal(tally, 'wrong_path', T0 + REFUSAL_BUCKET_MS);
    expect(tally).toHaveLength(2);
    expect(refusalsInLastHour(tally, T0 + REFUSAL_BUCKET_MS)).toEqual({
      ...NO_REFUSALS,
      not_json: 2,
      wrong_path: 1,
    });
  });

  it('forgets a minute once it started an hour ago: counted just before, gone at exactly an hour', () => {
    const tally = tallyRefusal([], 'too_large', T0);
    expect(refusalsInLastHour(tally, T0 + REFUSAL_WINDOW_MS - 1).too_large).toBe(1);
    expect(refusalsInLastHour(tally, T0 + REFUSAL_WINDOW_MS).too_large).toBe(0);
    expect(refusalsInLastHour(tally, T0 + REFUSAL_WINDOW_MS + 1).too_large).toBe(0);
  });

  it('keeps at most an hour of minutes however long a flood lasts', () => {
    let tally: RefusalTally = [];
    for (let minute = 0; minute < 180; minute += 1) {
      for (let i = 0; i < 5; i += 1)
        tally = tallyRefusal(tally, 'rate_limited', T0 + minute * REFUSAL_BUCKET_MS + i);
    }
    expect(tally.length).toBeLessThanOrEqual(REFUSAL_WINDOW_MS / REFUSAL_BUCKET_MS);
    expect(refusalsInLastHour(tally, T0 + 179 * REFUSAL_BUCKET_MS).rate_limited).toBe(60 * 5);
  });
});
