/**
 * The oracle bound: the least mean lag, and the least p95 lag, that any per-id check schedule could reach with a
 * given number of checks per id if it knew the true delivery-time distribution. Dynamic programming on a 0.25 s
 * grid with at least 1 s between checks; a final status that no check finds before the end of the run counts
 * with its lag to the end (as the benchmark counts it).
 */

/** Ids that share a horizon (the time from sending to the end of the run). */
export interface HorizonGroup {
  readonly horizonS: number;
  /** How many ids (or their share). */
  readonly weight: number;
}

/** What the oracle is given. */
export interface OracleInput {
  /** Share of all messages final by age `ageS` (never-final ones never count; at most 1). */
  readonly finalShareBy: (ageS: number) => number;
  readonly groups: readonly HorizonGroup[];
  /** Checks per id the schedule may spend on average (checks of ids already final included). */
  readonly checksPerId: number;
  /** @default 0.25 */
  readonly gridS?: number;
  /** @default 1 */
  readonly minGapS?: number;
  /** Added to every lag: the time a request takes. @default 0 */
  readonly latencyS?: number;
}

/** The oracle's best mean lag and best p95 lag (seconds) at the budget. */
export interface OracleBound {
  readonly mean: number;
  readonly p95: number;
}

/** One group's delivery distribution on the grid. */
export interface Grid {
  readonly weight: number;
  readonly n: number;
  readonly t: Float64Array;
  /** Final share by t[k]. */
  readonly f: Float64Array;
  /** Sum of mass x mid-point of every cell up to k. */
  readonly g: Float64Array;
  /** Share still pending at t[k] (never-final ones included). */
  readonly s: Float64Array;
}

/** The grid of one group: final share, mass x mid-point and pending share at every grid point. */
export function buildGrid(group: HorizonGroup, finalShareBy: (ageS: number) => number, gridS: number): Grid {
  const n = Math.max(2, Math.ceil(group.horizonS / gridS));
  const t = new Float64Array(n + 1);
  const f = new Float64Array(n + 1);
  const g = new Float64Array(n + 1);
  const s = new Float64Array(n + 1);
  s[0] = 1;
  for (let k = 1; k <= n; k += 1) {
    const tk = Math.min(group.horizonS, k * gridS);
    t[k] = tk;
    f[k] = Math.max(f[k - 1] ?? 0, finalShareBy(tk));
    const mass = (f[k] ?? 0) - (f[k - 1] ?? 0);
    g[k] = (g[k - 1] ?? 0) + (mass * ((t[k - 1] ?? 0) + tk)) / 2;
    s[k] = 1 - (f[k] ?? 0);
  }
  return { weight: group.weight, n, t, f, g, s };
}

interface Plan {
  readonly checks: number;
  /** Sum over finals of their lag (without latency), in share-seconds. */
  readonly lagTotal: number;
  /** Check indices, in order. */
  readonly schedule: readonly number[];
}

/** The mean-lag-optimal schedule for one group at price `lambda` per check (convex hull trick, O(n)). */
function meanPlan(grid: Grid, lambda: number, gap: number): Plan {
  const { n, t, f, g, s } = grid;
  const v = new Float64Array(n + 1);
  const next = new Int32Array(n + 1).fill(-1);
  const a = new Float64Array(n + 1);
  const endA = (t[n] ?? 0) * (f[n] ?? 0) - (g[n] ?? 0);
  const hull = new Int32Array(n + 1);
  let front = n + 1;
  let back = n;
  const slope = (i: number, j: number) => ((a[j] ?? 0) - (a[i] ?? 0)) / ((t[j] ?? 0) - (t[i] ?? 0));
  const cost = (k: number, j: number) => (a[j] ?? 0) - (f[k] ?? 0) * (t[j] ?? 0) + (g[k] ?? 0);
  for (let k = n - 1; k >= 0; k -= 1) {
    const j = k + gap;
    if (j <= n - 1) {
      a[j] = (t[j] ?? 0) * (f[j] ?? 0) - (g[j] ?? 0) + (v[j] ?? 0);
      while (
        back - front >= 1 &&
        slope(j, hull[front] ?? 0) >= slope(hull[front] ?? 0, hull[front + 1] ?? 0)
      ) {
        front += 1;
      }
      front -= 1;
      hull[front] = j;
    }
    const m = f[k] ?? 0;
    while (back - front >= 1 && slope(hull[back - 1] ?? 0, hull[back] ?? 0) >= m) back -= 1;
    const stop = endA - m * (t[n] ?? 0) + (g[k] ?? 0);
    v[k] = stop;
    if (back >= front) {
      const best = hull[back] ?? 0;
      const go = lambda * (s[k] ?? 0) + cost(k, best);
      if (go < stop) {
        v[k] = go;
        next[k] = best;
      }
    }
  }
  // From sending (a free "check" at 0): the first check may come at any grid point.
  let firstBest = -1;
  let firstCost = endA - (f[0] ?? 0) * (t[n] ?? 0) + (g[0] ?? 0);
  for (let j = 1; j <= n - 1; j += 1) {
    const candidate = lambda + (t[j] ?? 0) * (f[j] ?? 0) - (g[j] ?? 0) + (v[j] ?? 0);
    if (candidate < firstCost) {
      firstCost = candidate;
      firstBest = j;
    }
  }
  return trace(grid, firstBest, next);
}

/** The checks of a plan: grid points strictly inside the horizon, following `next` from `first`. */
export function chainOf(grid: Grid, first: number, next: Int32Array): number[] {
  const schedule: number[] = [];
  for (let j = first; j > 0 && j < grid.n; j = next[j] ?? -1) schedule.push(j);
  return schedule;
}

/** The share still pending before each check of a schedule: that check's expected number per id. */
export function pendingBefore(grid: Grid, schedule: readonly number[]): number[] {
  let previous = 0;
  return schedule.map((j) => {
    const pending = grid.s[previous] ?? 0;
    previous = j;
    return pending;
  });
}

/** Summed lag (share-seconds, without latency) of the finals under a schedule; unfound ones lag to the end. */
export function scheduleLag(grid: Grid, schedule: readonly number[]): number {
  const { n, t, f, g } = grid;
  let lag = 0;
  let previous = 0;
  for (const j of [...schedule, n]) {
    lag += (t[j] ?? 0) * ((f[j] ?? 0) - (f[previous] ?? 0)) - ((g[j] ?? 0) - (g[previous] ?? 0));
    previous = j;
  }
  return lag;
}

/** Share of finals a schedule finds too late, `fq` from {@link missedBefore}. */
export function scheduleMissed(grid: Grid, schedule: readonly number[], fq: Float64Array): number {
  let missed = 0;
  let previous = 0;
  for (const j of [...schedule, grid.n]) {
    missed += Math.max(0, (fq[j] ?? 0) - (grid.f[previous] ?? 0));
    previous = j;
  }
  return missed;
}

function trace(grid: Grid, first: number, next: Int32Array): Plan {
  const schedule = chainOf(grid, first, next);
  const checks = pendingBefore(grid, schedule).reduce((sum, pending) => sum + pending, 0);
  return { checks, lagTotal: scheduleLag(grid, schedule), schedule };
}

/** The schedule minimising missed share (lag above `lagS`) plus `mu` per check, for one group (O(n)). */
function tailPlan(grid: Grid, mu: number, gap: number, lagS: number, gridS: number): Plan {
  const { n, f, s } = grid;
  const within = Math.max(0, Math.floor(lagS / gridS));
  const fq = missedBefore(grid, lagS, gridS);
  const v = new Float64Array(n + 1);
  const next = new Int32Array(n + 1).fill(-1);
  // Sliding-window minimum of v[j] over j in [k + gap, k + within] (checks that miss nothing new).
  const window = new Int32Array(n + 1);
  let wFront = 0;
  let wBack = -1;
  let suffixBest = -1;
  let suffixValue = Number.POSITIVE_INFINITY;
  const endMiss = (k: number) => Math.max(0, (fq[n] ?? 0) - (f[k] ?? 0));
  for (let k = n - 1; k >= 0; k -= 1) {
    const enter = k + gap;
    if (enter <= Math.min(n - 1, k + within)) {
      while (wBack >= wFront && (v[window[wBack] ?? 0] ?? 0) >= (v[enter] ?? 0)) wBack -= 1;
      wBack += 1;
      window[wBack] = enter;
    }
    while (wBack >= wFront && (window[wFront] ?? 0) > k + within) wFront += 1;
    // A check that misses finals becomes a candidate once it is both past the gap and past the window.
    const joining = k + Math.max(gap, within + 1);
    if (joining <= n - 1) {
      const value = (fq[joining] ?? 0) + (v[joining] ?? 0);
      if (value < suffixValue) {
        suffixValue = value;
        suffixBest = joining;
      }
    }
    let best = endMiss(k);
    let bestNext = -1;
    if (wBack >= wFront) {
      const j = window[wFront] ?? 0;
      const go = mu * (s[k] ?? 0) + (v[j] ?? 0);
      if (go < best) {
        best = go;
        bestNext = j;
      }
    }
    if (suffixBest >= 0) {
      const go = mu * (s[k] ?? 0) + suffixValue - (f[k] ?? 0);
      if (go < best) {
        best = go;
        bestNext = suffixBest;
      }
    }
    v[k] = best;
    next[k] = bestNext;
  }
  let first = -1;
  let firstCost = endMiss(0);
  for (let j = 1; j <= n - 1; j += 1) {
    const candidate = mu + Math.max(0, (fq[j] ?? 0) - (f[0] ?? 0)) + (v[j] ?? 0);
    if (candidate < firstCost) {
      firstCost = candidate;
      first = j;
    }
  }
  return trace(grid, first, next);
}

/**
 * For each grid point j, the final share of the cells a check at j finds more than `lagS` late (cells whose
 * mid-point lies before t[j] - lagS).
 */
export function missedBefore(grid: Grid, lagS: number, gridS: number): Float64Array {
  const { n, f } = grid;
  const fq = new Float64Array(n + 1);
  for (let j = 0; j <= n; j += 1) {
    const q = Math.min(j, Math.max(0, Math.ceil(j - lagS / gridS + 0.5) - 1));
    fq[j] = f[q] ?? 0;
  }
  return fq;
}

/** Share of finals found more than `lagS` late by a schedule. */
function missedShare(grid: Grid, plan: Plan, lagS: number, gridS: number): number {
  return scheduleMissed(grid, plan.schedule, missedBefore(grid, lagS, gridS));
}

/** Plans at a log-price, with their checks per id. */
interface Priced {
  readonly logPrice: number;
  readonly plans: Plan[];
}

/**
 * Bisects a price (log scale) until the grids' checks per id meet the budget; returns the cheapest plans within
 * it. `guess` (a log-price) narrows the first bracket.
 */
function plansAtBudget(
  grids: readonly Grid[],
  budget: number,
  plan: (grid: Grid, price: number) => Plan,
  guess: number | null = null,
): Priced {
  const totalWeight = grids.reduce((sum, grid) => sum + grid.weight, 0);
  const at = (logPrice: number) => {
    const plans = grids.map((grid) => plan(grid, Math.exp(logPrice)));
    const checks = plans.reduce((sum, p, i) => sum + p.checks * (grids[i]?.weight ?? 0), 0) / totalWeight;
    return { plans, checks };
  };
  let lo = guess === null ? -25 : guess - 1.5;
  let hi = guess === null ? 12 : guess + 1.5;
  let best = at(hi);
  // Widen until the bracket holds the budget: too many checks at lo, few enough at hi.
  while (best.checks > budget && hi < 40) {
    lo = hi;
    hi += 4;
    best = at(hi);
  }
  while (lo > -40 && at(lo).checks <= budget) {
    hi = lo;
    lo -= 4;
  }
  let bestPrice = hi;
  for (let iteration = 0; iteration < 16; iteration += 1) {
    const mid = (lo + hi) / 2;
    const candidate = at(mid);
    if (candidate.checks > budget) lo = mid;
    else {
      hi = mid;
      best = candidate;
      bestPrice = mid;
    }
  }
  return { logPrice: bestPrice, plans: best.plans };
}

/** The p95 lag of the finals under the given plans (without latency). */
function planP95(grids: readonly Grid[], plans: readonly Plan[]): number {
  const lags: { lag: number; mass: number }[] = [];
  let total = 0;
  grids.forEach((grid, index) => {
    const checks = [...(plans[index]?.schedule ?? []), grid.n];
    let cursor = 0;
    for (let cell = 1; cell <= grid.n; cell += 1) {
      while ((checks[cursor] ?? grid.n) < cell) cursor += 1;
      const mass = ((grid.f[cell] ?? 0) - (grid.f[cell - 1] ?? 0)) * grid.weight;
      if (mass <= 0) continue;
      const mid = ((grid.t[cell - 1] ?? 0) + (grid.t[cell] ?? 0)) / 2;
      lags.push({ lag: (grid.t[checks[cursor] ?? grid.n] ?? 0) - mid, mass });
      total += mass;
    }
  });
  lags.sort((a, b) => a.lag - b.lag);
  let seen = 0;
  for (const entry of lags) {
    seen += entry.mass;
    if (seen >= 0.95 * total - 1e-12) return entry.lag;
  }
  return lags.at(-1)?.lag ?? Number.NaN;
}

/** The oracle bound at a budget of checks per id. */
export function oracleBound(input: OracleInput): OracleBound {
  const gridS = input.gridS ?? 0.25;
  const gap = Math.max(1, Math.round((input.minGapS ?? 1) / gridS));
  const latencyS = input.latencyS ?? 0;
  const grids = input.groups
    .filter((group) => group.weight > 0 && group.horizonS > 0)
    .map((group) => buildGrid(group, input.finalShareBy, gridS));
  const finals = grids.reduce((sum, grid) => sum + grid.weight * (grid.f[grid.n] ?? 0), 0);
  if (finals <= 0) return { mean: Number.NaN, p95: Number.NaN };

  const meanPlans = plansAtBudget(grids, input.checksPerId, (grid, price) =>
    meanPlan(grid, price, gap),
  ).plans;
  const lagTotal = meanPlans.reduce((sum, plan, i) => sum + plan.lagTotal * (grids[i]?.weight ?? 0), 0);
  const mean = lagTotal / finals + latencyS;

  // p95: the least L for which some schedule at the budget finds all but 5 % of finals within L. The mean-optimal
  // schedule's own p95 is one such L, so the search starts below it.
  let guess: number | null = null;
  const feasible = (lagS: number): boolean => {
    const priced = plansAtBudget(
      grids,
      input.checksPerId,
      (grid, price) => tailPlan(grid, price, gap, lagS, gridS),
      guess,
    );
    guess = priced.logPrice;
    const missed = priced.plans.reduce(
      (sum, plan, i) => sum + missedShare(grids[i] as Grid, plan, lagS, gridS) * (grids[i]?.weight ?? 0),
      0,
    );
    return missed <= 0.05 * finals + 1e-12;
  };
  let lo = 0;
  let hi = planP95(grids, meanPlans) + gridS;
  // To within 1 % (or half a grid step): the bound is a reference, not a measurement.
  for (let iteration = 0; iteration < 24 && hi - lo > Math.max(gridS / 2, 0.01 * hi); iteration += 1) {
    const mid = (lo + hi) / 2;
    if (feasible(mid)) hi = mid;
    else lo = mid;
  }
  return { mean, p95: hi + latencyS };
}
