/**
 * Which queue a due check waits in: checks of ids whose deadline has not passed, first checks of new ids, and
 * routine re-checks. The first two go ahead of routine re-checks, which keep a guaranteed share.
 */
export type Lane = 'deadline' | 'first' | 'routine';

/** Every lane, most urgent first. */
export const LANES: readonly Lane[] = ['deadline', 'first', 'routine'];

/** The lane of a check due at `dueAt` (monotonic ms) for an id with these facts. */
export function laneOf(id: {
  readonly deadlineAt: number | null;
  readonly overdueReported: boolean;
  readonly seen: boolean;
  readonly dueAt: number;
}): Lane {
  if (id.deadlineAt !== null && !id.overdueReported && id.deadlineAt >= id.dueAt) return 'deadline';
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
 * Picks the lane for the next request slot: deadline checks, then first checks, then routine re-checks; but when
 * routine re-checks are waiting they get at least one of every `routineShareEvery` slots, so a flood of new ids
 * never starves the backlog. Pure and deterministic.
 */
export function pickLane(ready: ReadyLanes, urgentInRow: number, routineShareEvery: number): LanePick {
  const urgent: Lane | null = ready.deadline ? 'deadline' : ready.first ? 'first' : null;
  if (ready.routine && (urgent === null || urgentInRow >= routineShareEvery - 1)) {
    return { lane: 'routine', urgentInRow: 0 };
  }
  if (urgent === null) return { lane: null, urgentInRow };
  return { lane: urgent, urgentInRow: ready.routine ? urgentInRow + 1 : 0 };
}
