import { describe, expect, it } from 'vitest';
import { initialHolds } from '../../../../electron/core/scheduler/global-holds';
import { liveHealthSource } from '../../../../electron/core/scheduler/health-reporter';

describe('live health source', () => {
  it('reads the state when asked, so one source serves the scheduler for good', () => {
    const state = { stopped: false, watching: 3, inFlight: 1, rateCap: 10, backlog: 0 };
    const holds = initialHolds(true);
    const source = liveHealthSource({
      stopped: () => state.stopped,
      holds: () => holds,
      watching: () => state.watching,
      inFlight: () => state.inFlight,
      rateCapPerSecond: () => state.rateCap,
      backlog: (now) => state.backlog + now,
    });
    expect([source.stopped, source.watching, source.inFlight, source.rateCapPerSecond]).toEqual([
      false,
      3,
      1,
      10,
    ]);
    Object.assign(state, { stopped: true, watching: 7, inFlight: 0, rateCap: 50, backlog: 2 });
    expect([source.stopped, source.watching, source.inFlight, source.rateCapPerSecond]).toEqual([
      true,
      7,
      0,
      50,
    ]);
    expect(source.backlog(5)).toBe(7);
    expect(source.holds).toBe(holds);
  });
});
