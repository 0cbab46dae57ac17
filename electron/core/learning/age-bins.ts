/**
 * Age bins of a delivery-time profile: [0, 1 s), then bins growing ×1.25 from 1 s up to a day, then one open bin
 * for anything older. Fine where deliveries are dense (seconds), coarse where they are rare (hours).
 */

/** The first bin ends here (seconds). */
export const FIRST_BIN_END_S = 1;
/** Each bin is this much wider than the one before. */
export const BIN_GROWTH = 1.25;
/** Bins cover ages up to a day; older ages share the last bin. */
export const LAST_BIN_START_S = 86_400;

/** Upper edges of the bins in seconds (the last is +Infinity). */
export const BIN_EDGES_S: readonly number[] = buildEdges();

/** How many bins there are. */
export const BIN_COUNT = BIN_EDGES_S.length;

function buildEdges(): number[] {
  const edges = [FIRST_BIN_END_S];
  for (let edge = FIRST_BIN_END_S * BIN_GROWTH; edge < LAST_BIN_START_S; edge *= BIN_GROWTH) edges.push(edge);
  edges.push(LAST_BIN_START_S, Number.POSITIVE_INFINITY);
  return edges;
}

/** Lower edge of bin `index` in seconds. */
export function binStartS(index: number): number {
  return index <= 0 ? 0 : (BIN_EDGES_S[index - 1] ?? LAST_BIN_START_S);
}

/** Upper edge of bin `index` in seconds (+Infinity for the last). */
export function binEndS(index: number): number {
  return BIN_EDGES_S[index] ?? Number.POSITIVE_INFINITY;
}

/** The bin holding age `ageS` (negative ages fall in the first). */
export function binOf(ageS: number): number {
  if (ageS < FIRST_BIN_END_S) return 0;
  if (ageS >= LAST_BIN_START_S) return BIN_COUNT - 1;
  let index = Math.floor(Math.log(ageS / FIRST_BIN_END_S) / Math.log(BIN_GROWTH)) + 1;
  // Correct floating-point edge cases by a step either way.
  while (index > 0 && ageS < binStartS(index)) index -= 1;
  while (index < BIN_COUNT - 1 && ageS >= binEndS(index)) index += 1;
  return index;
}

/**
 * Calls `visit(bin, overlapS)` for every bin that overlaps the age interval [fromS, toS), with the length of the
 * overlap. Nothing for an empty interval.
 */
export function forEachOverlap(
  fromS: number,
  toS: number,
  visit: (bin: number, overlapS: number) => void,
): void {
  const from = Math.max(0, fromS);
  if (!(toS > from)) return;
  for (let bin = binOf(from); bin < BIN_COUNT; bin += 1) {
    const start = Math.max(from, binStartS(bin));
    const end = Math.min(toS, binEndS(bin));
    if (end > start) visit(bin, end - start);
    if (binEndS(bin) >= toS) return;
  }
}
