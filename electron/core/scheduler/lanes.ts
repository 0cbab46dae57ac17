/**
 * Which queue a due check waits in, most urgent first: first checks of ids whose deadline has not passed,
 * re-checks of such ids, other first checks, and routine re-checks. Routine re-checks keep a guaranteed share.
 */
export type Lane = 'deadline-first' | 'deadline-recheck' | 'first' | 'routine';

/** Every lane, most urgent first. */
export const LANES: readonly Lane[] = ['deadline-first', 'deadline-recheck', 'first', 'routine'];

/** The lanes that go ahead of routine re-checks, most urgent first. */
const URGENT_LANES: readonly Lane[] = ['deadline-first', 'deadline-recheck', 'first'];

/** The lane of a check due at `dueAt` (monotonic ms) for an id with these facts. */
export function laneOf(id: {
  readonly deadlineAt: number | null;
  readonly overdueReported: boolean;
  readonly seen: boolean;
  readonly dueAt: number;
}): Lane {
  if (id.deadlineAt !== null && !id.overdueReported && id.deadlineAt >= id.dueAt) {
    return id.seen ? 'deadline-recheck' : 'deadline-first';
  }
  return id.seen ? 'routine' : 'first';
}

/** Which lanes have a check due now. */
export type ReadyLanes = Readonly<Record<Lane, boolean>>;

/** The lane to serve next, and the count of urgent picks in a row that made routine re-checks wait. */
export interface LanePick {
  readonly lane: Lane | null;
  readonly urgentInRow: number;
}

/**
 * Picks the lane for the next request slot: the most urgent lane with a check due (`LANES` order); but when routine
 * re-checks are waiting they get at least one of every `routineShareEvery` slots, so a flood of new ids never
 * starves the backlog. Pure and deterministic.
 */
export function pickLane(ready: ReadyLanes, urgentInRow: number, routineShareEvery: number): LanePick {
  const urgent = URGENT_LANES.find((lane) => ready[lane]) ?? null;
  if (ready.routine && (urgent === null || urgentInRow >= routineShareEvery - 1)) {
    return { lane: 'routine', urgentInRow: 0 };
  }
  if (urgent === null) return { lane: null, urgentInRow };
  return { lane: urgent, urgentInRow: ready.routine ? urgentInRow + 1 : 0 };
}
