import { describe, expect, it } from 'vitest';
import { laneOf, pickLane, type Lane } from '../../../../electron/core/scheduler/lanes';

describe('laneOf', () => {
  it('puts checks before an unexpired deadline first, then first checks, then routine re-checks', () => {
    const id = { deadlineAt: null, overdueReported: false, seen: true, dueAt: 100 };
    expect(laneOf(id)).toBe('routine');
    expect(laneOf({ ...id, seen: false })).toBe('first');
    expect(laneOf({ ...id, deadlineAt: 100 })).toBe('deadline');
    expect(laneOf({ ...id, deadlineAt: 99 })).toBe('routine');
    expect(laneOf({ ...id, deadlineAt: 200, overdueReported: true })).toBe('routine');
  });
});

/** The lanes served over `slots` picks when every lane always has a check due. */
function serve(slots: number, every: number, ready = { deadline: true, first: true, routine: true }): Lane[] {
  const served: Lane[] = [];
  let urgentInRow = 0;
  for (let i = 0; i < slots; i += 1) {
    const pick = pickLane(ready, urgentInRow, every);
    urgentInRow = pick.urgentInRow;
    if (pick.lane) served.push(pick.lane);
  }
  return served;
}

describe('pickLane', () => {
  it('gives routine re-checks one slot in every N while urgent checks wait', () => {
    expect(serve(8, 4)).toEqual([
      'deadline',
      'deadline',
      'deadline',
      'routine',
      'deadline',
      'deadline',
      'deadline',
      'routine',
    ]);
    expect(serve(6, 3, { deadline: false, first: true, routine: true })).toEqual([
      'first',
      'first',
      'routine',
      'first',
      'first',
      'routine',
    ]);
  });

  it('gives every slot to whichever lane has work when the others are empty', () => {
    expect(serve(3, 4, { deadline: false, first: false, routine: true })).toEqual([
      'routine',
      'routine',
      'routine',
    ]);
    expect(serve(3, 4, { deadline: false, first: true, routine: false })).toEqual([
      'first',
      'first',
      'first',
    ]);
    expect(pickLane({ deadline: false, first: false, routine: false }, 2, 4)).toEqual({
      lane: null,
      urgentInRow: 2,
    });
  });

  it('serves lanes in plain order when the share is one in one', () => {
    expect(serve(2, 1)).toEqual(['routine', 'routine']);
  });

  it('owes routine nothing for urgent picks made while no routine check was due', () => {
    let pick = pickLane({ deadline: true, first: false, routine: false }, 0, 4);
    pick = pickLane({ deadline: true, first: false, routine: false }, pick.urgentInRow, 4);
    expect(pick.urgentInRow).toBe(0);
    expect(pickLane({ deadline: true, first: false, routine: true }, pick.urgentInRow, 4).lane).toBe(
      'deadline',
    );
  });
});
