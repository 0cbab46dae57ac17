import { describe, expect, it } from 'vitest';
import { laneOf, pickLane, type Lane, type ReadyLanes } from '../../../../electron/core/scheduler/lanes';

const ALL_READY: ReadyLanes = {
  'deadline-first': true,
  'deadline-recheck': true,
  first: true,
  routine: true,
};
const NONE_READY: ReadyLanes = {
  'deadline-first': false,
  'deadline-recheck': false,
  first: false,
  routine: false,
};

describe('laneOf', () => {
  it('puts checks before an unexpired deadline first, then first checks, then routine re-checks', () => {
    const id = { deadlineAt: null, overdueReported: false, seen: true, dueAt: 100 };
    expect(laneOf(id)).toBe('routine');
    expect(laneOf({ ...id, seen: false })).toBe('first');
    expect(laneOf({ ...id, deadlineAt: 100 })).toBe('deadline-recheck');
    expect(laneOf({ ...id, deadlineAt: 99 })).toBe('routine');
    expect(laneOf({ ...id, deadlineAt: 200, overdueReported: true })).toBe('routine');
  });

  it('tells the first check of an id with an unexpired deadline from its re-checks', () => {
    const id = { deadlineAt: 200, overdueReported: false, seen: false, dueAt: 100 };
    expect(laneOf(id)).toBe('deadline-first');
    expect(laneOf({ ...id, seen: true })).toBe('deadline-recheck');
    expect(laneOf({ ...id, dueAt: 201 })).toBe('first');
    expect(laneOf({ ...id, overdueReported: true })).toBe('first');
  });
});

/** The lanes served over `slots` picks when every lane always has a check due. */
function serve(slots: number, every: number, ready: ReadyLanes = ALL_READY): Lane[] {
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
      'deadline-first',
      'deadline-first',
      'deadline-first',
      'routine',
      'deadline-first',
      'deadline-first',
      'deadline-first',
      'routine',
    ]);
    expect(serve(6, 3, { ...NONE_READY, first: true, routine: true })).toEqual([
      'first',
      'first',
      'routine',
      'first',
      'first',
      'routine',
    ]);
  });

  it('gives every slot to whichever lane has work when the others are empty', () => {
    expect(serve(3, 4, { ...NONE_READY, routine: true })).toEqual(['routine', 'routine', 'routine']);
    expect(serve(3, 4, { ...NONE_READY, first: true })).toEqual(['first', 'first', 'first']);
    expect(pickLane(NONE_READY, 2, 4)).toEqual({
      lane: null,
      urgentInRow: 2,
    });
  });

  it('serves lanes in plain order when the share is one in one', () => {
    expect(serve(2, 1)).toEqual(['routine', 'routine']);
  });

  it('owes routine nothing for urgent picks made while no routine check was due', () => {
    const deadlineOnly = { ...NONE_READY, 'deadline-recheck': true };
    let pick = pickLane(deadlineOnly, 0, 4);
    pick = pickLane(deadlineOnly, pick.urgentInRow, 4);
    expect(pick.urgentInRow).toBe(0);
    expect(pickLane({ ...deadlineOnly, routine: true }, pick.urgentInRow, 4).lane).toBe('deadline-recheck');
  });

  it('serves a new id with a deadline ahead of the re-checks of other ids with a deadline', () => {
    expect(pickLane({ ...NONE_READY, 'deadline-first': true, 'deadline-recheck': true }, 0, 4).lane).toBe(
      'deadline-first',
    );
  });

  it('serves the re-checks of an id with a deadline ahead of any number of first checks without one', () => {
    const ready = { ...NONE_READY, 'deadline-recheck': true, first: true };
    expect(serve(10_000, 4, ready).every((lane) => lane === 'deadline-recheck')).toBe(true);
    expect(serve(8, 4, { ...ready, routine: true })).toEqual([
      'deadline-recheck',
      'deadline-recheck',
      'deadline-recheck',
      'routine',
      'deadline-recheck',
      'deadline-recheck',
      'deadline-recheck',
      'routine',
    ]);
  });
});
