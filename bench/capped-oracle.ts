/**
 * The oracle bound under the rate cap: the least mean lag (and p95 lag) that any check schedule could reach with
 * a given number of checks per id if it knew the true delivery-time distribution AND never sent more than the cap
 * allows. A Lagrangian relaxation: a price per check that changes with the time of the run (one per bin of
 * `binS`), raised where the checks the per-id plans ask for exceed the cap, plus a price that holds the budget.
 * Every price vector gives a valid lower bound (weak duality: a schedule that keeps the budget and the cap pays
 * at most what it is charged), so the bound is the best value found, never a schedule's lag; it can only be
 * loose, never flattering. Same grid, gap and end-of-run rule as the cap-free oracle (`oracle.ts`).
 */
import {
  buildGrid,
  chainOf,
  missedBefore,
  pendingBefore,
  scheduleLag,
  scheduleMissed,
  type Grid,
} from './oracle';
import { MinLines } from './min-lines';

/** Ids sent between two times of the run that share a horizon (the time from sending to the end of the run). */
export interface ArrivalGroup {
  /** Seconds into the run the first and last ids of the group are sent (equal for a burst). */
  readonly arrivalFromS: number;
  readonly arrivalToS: number;
  readonly horizonS: number;
  /** How many ids. */
  readonly weight: number;
}

/** What the capped oracle is given. */
export interface CappedOracleInput {
  /** Share of all messages final by age `ageS` (never-final ones never count; at most 1). */
  readonly finalShareBy: (ageS: number) => number;
  readonly groups: readonly ArrivalGroup[];
  /** Checks per id the schedule may spend on average. */
  readonly checksPerId: number;
  /** Requests per second, over all ids. */
  readonly rateCap: number;
  /** Length of the run, seconds. */
  readonly durationS: number;
  /** The lag of a schedule known to keep budget and cap (e.g. a measured strategy's), to size the price steps. */
  readonly targetMeanS?: number;
  /** An upper end for the p95 search (a measured strategy's p95); the search widens past it if needed. */
  readonly targetP95S?: number;
  /** @default 0.25 */
  readonly gridS?: number;
  /** @default 1 */
  readonly minGapS?: number;
  /** Added to every lag. @default 0 */
  readonly latencyS?: number;
  /** Width of the time bins the cap is priced in. @default 1 */
  readonly binS?: number;
  /** Price updates per bound. @default 40 */
  readonly iterations?: number;
  /** Also bound the p95 (costly on many groups). @default true */
  readonly p95?: boolean;
  /** Keep the mean plans of this many last price rounds (see {@link CappedOracleBound.plansS}). @default 0 */
  readonly keepPlans?: number;
}

/** The capped oracle's bounds (seconds). */
export interface CappedOracleBound {
  readonly mean: number;
  readonly p95: number;
  /**
   * For each input group, the ages (seconds) of the checks of its mean plan in each of the last `keepPlans` price
   * rounds: a mix of plans that together keep the cap about as the prices ask, to build a schedule from.
   */
  readonly plansS?: readonly (readonly (readonly number[])[])[];
}

/** A group on the grid, with the bins each grid point's check may fall in. */
interface PricedGroup {
  readonly grid: Grid;
  /** First and last bin a check at grid point j of this group falls in (its ids are sent at different times). */
  readonly binFrom: Int32Array;
  readonly binTo: Int32Array;
}

/** A plan of one group at given prices. */
interface PricedPlan {
  /** Grid points of the checks, and the pending share before each (the expected number of that check). */
  readonly checks: readonly number[];
  readonly weights: readonly number[];
  /** The objective without prices: summed lag (mean) or missed share (p95). */
  readonly objective: number;
}

/** The cheapest plan for the summed lag at per-grid-point check prices (O(n log n)). */
export function pricedMeanPlan(grid: Grid, price: Float64Array, gap: number): PricedPlan {
  const { n, t, f, g } = grid;
  const v = new Float64Array(n + 1);
  const next = new Int32Array(n + 1).fill(-1);
  const tn = t[n] ?? 0;
  const endA = tn * (f[n] ?? 0) - (g[n] ?? 0);
  const lines = new MinLines(f);
  const a = (j: number) => (t[j] ?? 0) * (f[j] ?? 0) - (g[j] ?? 0) + (v[j] ?? 0);
  for (let k = n - 1; k >= 0; k -= 1) {
    const j = k + gap;
    // A check at j after one at k: a_j - f_k t_j + g_k + p_j (1 - f_k), a line in f_k.
    if (j <= n - 1) lines.add(a(j) + (price[j] ?? 0), (t[j] ?? 0) + (price[j] ?? 0), j);
    const stop = endA - (f[k] ?? 0) * tn + (g[k] ?? 0);
    v[k] = stop;
    const best = lines.query(k);
    const go = best.value + (g[k] ?? 0);
    if (best.id >= 0 && go < stop) {
      v[k] = go;
      next[k] = best.id;
    }
  }
  let first = -1;
  let firstCost = endA;
  for (let j = 1; j <= n - 1; j += 1) {
    const candidate = (price[j] ?? 0) + a(j);
    if (candidate < firstCost) {
      firstCost = candidate;
      first = j;
    }
  }
  const checks = chainOf(grid, first, next);
  return { checks, weights: pendingBefore(grid, checks), objective: scheduleLag(grid, checks) };
}

/** The plan with the least share of finals found more than `lagS` late, at per-grid-point check prices. */
export function pricedTailPlan(
  grid: Grid,
  price: Float64Array,
  gap: number,
  lagS: number,
  gridS: number,
): PricedPlan {
  const { n, f } = grid;
  const within = Math.max(0, Math.floor(lagS / gridS));
  const fq = missedBefore(grid, lagS, gridS);
  const v = new Float64Array(n + 1);
  const next = new Int32Array(n + 1).fill(-1);
  const lines = new MinLines(f);
  const endMiss = (k: number) => Math.max(0, (fq[n] ?? 0) - (f[k] ?? 0));
  for (let k = n - 1; k >= 0; k -= 1) {
    // Checks past the window miss the finals before t_j - lagS: fq_j - f_k + v_j + p_j (1 - f_k).
    const joining = k + Math.max(gap, within + 1);
    if (joining <= n - 1) {
      const p = price[joining] ?? 0;
      lines.add((fq[joining] ?? 0) + (v[joining] ?? 0) + p, p + 1, joining);
    }
    const fk = f[k] ?? 0;
    let best = endMiss(k);
    let bestNext = -1;
    const last = Math.min(n - 1, k + within);
    for (let j = k + gap; j <= last; j += 1) {
      const go = (v[j] ?? 0) + (price[j] ?? 0) * (1 - fk);
      if (go < best) {
        best = go;
        bestNext = j;
      }
    }
    const far = lines.query(k);
    if (far.id >= 0 && far.value < best) {
      best = far.value;
      bestNext = far.id;
    }
    v[k] = best;
    next[k] = bestNext;
  }
  let first = -1;
  let firstCost = endMiss(0);
  for (let j = 1; j <= n - 1; j += 1) {
    const candidate = (price[j] ?? 0) + Math.max(0, (fq[j] ?? 0) - (f[0] ?? 0)) + (v[j] ?? 0);
    if (candidate < firstCost) {
      firstCost = candidate;
      first = j;
    }
  }
  const checks = chainOf(grid, first, next);
  return { checks, weights: pendingBefore(grid, checks), objective: scheduleMissed(grid, checks, fq) };
}

/**
 * The least bin price over each grid point's bins, and that bin (a sliding-window minimum: the windows only move
 * forward). Charging a group the cheapest time any of its ids could check keeps the bound valid.
 */
function groupPrices(
  group: PricedGroup,
  binPrice: Float64Array,
  mu: number,
): { readonly prices: Float64Array; readonly charged: Int32Array } {
  const { binFrom, binTo } = group;
  const n = group.grid.n;
  const prices = new Float64Array(n + 1);
  const charged = new Int32Array(n + 1);
  const window = new Int32Array(binPrice.length + 1);
  let head = 0;
  let tail = 0;
  let added = (binFrom[0] ?? 0) - 1;
  for (let j = 0; j <= n; j += 1) {
    const from = binFrom[j] ?? 0;
    const to = binTo[j] ?? 0;
    while (added < to) {
      added += 1;
      const value = binPrice[added] ?? 0;
      while (tail > head && (binPrice[window[tail - 1] ?? 0] ?? 0) >= value) tail -= 1;
      window[tail] = added;
      tail += 1;
    }
    while (head < tail && (window[head] ?? 0) < from) head += 1;
    const cheapest = window[head] ?? 0;
    prices[j] = mu + (binPrice[cheapest] ?? 0);
    charged[j] = cheapest;
  }
  return { prices, charged };
}

interface Relaxed {
  /** Objective plus priced checks, summed over groups (weighted). */
  readonly charged: number;
  readonly objective: number;
  readonly checks: number;
  /** Expected checks per bin. */
  readonly load: Float64Array;
  /** Each group's plan (grid points of its checks), in the order of the groups. */
  readonly plans: readonly (readonly number[])[];
}

/** Solves every group at one price vector. */
function solveAll(
  groups: readonly PricedGroup[],
  binPrice: Float64Array,
  mu: number,
  plan: (group: PricedGroup, prices: Float64Array) => PricedPlan,
): Relaxed {
  const load = new Float64Array(binPrice.length);
  let charged = 0;
  let objective = 0;
  let checks = 0;
  const plans: (readonly number[])[] = [];
  for (const group of groups) {
    const { prices, charged: bins } = groupPrices(group, binPrice, mu);
    const result = plan(group, prices);
    plans.push(result.checks);
    const w = group.grid.weight;
    objective += w * result.objective;
    charged += w * result.objective;
    result.checks.forEach((j, index) => {
      const expected = w * (result.weights[index] ?? 0);
      checks += expected;
      charged += expected * (prices[j] ?? 0);
      // Counted in the bin it was charged at: the slope of the bound in that bin's price.
      const bin = bins[j] ?? 0;
      load[bin] = (load[bin] ?? 0) + expected;
    });
  }
  return { charged, objective, checks, load, plans };
}

/**
 * Maximises the dual over the prices: for each cap-price vector the budget price is bisected, then the cap prices
 * move by a Polyak step towards `target` (a value some schedule within budget and cap reaches). Returns the best
 * dual value found; it stops early once the dual exceeds `stopAbove`.
 */
function bestDual(
  groups: readonly PricedGroup[],
  capacity: Float64Array,
  budget: number,
  target: number,
  iterations: number,
  plan: (group: PricedGroup, prices: Float64Array) => PricedPlan,
  stopAbove = Number.POSITIVE_INFINITY,
  onRound?: (relaxed: Relaxed) => void,
): number {
  const binPrice = new Float64Array(capacity.length);
  let best = Number.NEGATIVE_INFINITY;
  let logMu = 0;
  let step = 1;
  let sinceBetter = 0;
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const at = (log: number) => solveAll(groups, binPrice, Math.exp(log), plan);
    // The least budget price whose plans keep the budget (bracket around the last one, widened as needed).
    let lo = logMu - 1;
    let hi = logMu + 1;
    let high = at(hi);
    while (high.checks > budget && hi < 30) {
      lo = hi;
      hi += 2;
      high = at(hi);
    }
    while (lo > -30 && at(lo).checks <= budget) {
      hi = lo;
      lo -= 2;
    }
    if (hi !== logMu + 1 || high.checks > budget) high = at(hi);
    for (let bisect = 0; bisect < 9; bisect += 1) {
      const mid = (lo + hi) / 2;
      const candidate = at(mid);
      if (candidate.checks > budget) lo = mid;
      else {
        hi = mid;
        high = candidate;
      }
    }
    logMu = hi;
    onRound?.(high);
    const mu = Math.exp(hi);
    let capCharge = 0;
    let norm = 0;
    const gradient = new Float64Array(capacity.length);
    for (let b = 0; b < capacity.length; b += 1) {
      capCharge += (binPrice[b] ?? 0) * (capacity[b] ?? 0);
      const excess = (high.load[b] ?? 0) - (capacity[b] ?? 0);
      // Projected: a bin at price 0 with load under its capacity does not move.
      const direction = (binPrice[b] ?? 0) > 0 || excess > 0 ? excess : 0;
      gradient[b] = direction;
      norm += direction * direction;
    }
    const dual = high.charged - mu * budget - capCharge;
    if (best === Number.NEGATIVE_INFINITY || dual > best + 1e-9 * Math.abs(best)) {
      best = dual;
      sinceBetter = 0;
    } else if (++sinceBetter >= 8) {
      step /= 2;
      sinceBetter = 0;
    }
    if (best > stopAbove || norm === 0) break;
    const gap = Math.max(target - dual, 0.02 * Math.abs(dual) + 1e-9);
    const scale = (step * gap) / norm;
    for (let b = 0; b < capacity.length; b += 1) {
      binPrice[b] = Math.max(0, (binPrice[b] ?? 0) + scale * (gradient[b] ?? 0));
    }
  }
  return best;
}

/** The capped oracle's bounds at a budget of checks per id. */
export function cappedOracleBound(input: CappedOracleInput): CappedOracleBound {
  const gridS = input.gridS ?? 0.25;
  const gap = Math.max(1, Math.round((input.minGapS ?? 1) / gridS));
  const latencyS = input.latencyS ?? 0;
  const binS = input.binS ?? 1;
  const iterations = input.iterations ?? 40;
  const bins = Math.max(1, Math.ceil(input.durationS / binS));
  const capacity = new Float64Array(bins);
  for (let b = 0; b < bins; b += 1) {
    capacity[b] = input.rateCap * Math.max(0, Math.min(binS, input.durationS - b * binS));
  }
  const kept = input.groups.filter((group) => group.weight > 0 && group.horizonS > 0);
  const groups: PricedGroup[] = kept.map((group) => {
    const grid = buildGrid({ horizonS: group.horizonS, weight: group.weight }, input.finalShareBy, gridS);
    const binFrom = new Int32Array(grid.n + 1);
    const binTo = new Int32Array(grid.n + 1);
    const binAt = (s: number) => Math.min(bins - 1, Math.max(0, Math.floor(s / binS)));
    for (let j = 0; j <= grid.n; j += 1) {
      binFrom[j] = binAt(group.arrivalFromS + (grid.t[j] ?? 0));
      binTo[j] = binAt(group.arrivalToS + (grid.t[j] ?? 0));
    }
    return { grid, binFrom, binTo };
  });
  const ids = groups.reduce((sum, group) => sum + group.grid.weight, 0);
  const finals = groups.reduce(
    (sum, group) => sum + group.grid.weight * (group.grid.f[group.grid.n] ?? 0),
    0,
  );
  if (finals <= 0) return { mean: Number.NaN, p95: Number.NaN };
  const budget = input.checksPerId * ids;

  const meanPlan = (group: PricedGroup, prices: Float64Array) => pricedMeanPlan(group.grid, prices, gap);
  const free = solveAll(groups, new Float64Array(bins), 0, meanPlan);
  const target = ((input.targetMeanS ?? Number.NaN) - latencyS) * finals;
  const keepPlans = input.keepPlans ?? 0;
  const rounds: (readonly (readonly number[])[])[] = [];
  const lagBound = bestDual(
    groups,
    capacity,
    budget,
    Number.isFinite(target) && target > 0 ? target : 2 * free.objective,
    iterations,
    meanPlan,
    Number.POSITIVE_INFINITY,
    keepPlans > 0
      ? (relaxed) => {
          rounds.push(relaxed.plans);
          if (rounds.length > keepPlans) rounds.shift();
        }
      : undefined,
  );
  const mean = Math.max(0, lagBound) / finals + latencyS;
  const plansS =
    keepPlans > 0
      ? input.groups.map((group) => {
          const index = kept.indexOf(group);
          const grid = groups[index]?.grid;
          if (grid === undefined) return [];
          return rounds.map((round) => (round[index] ?? []).map((j) => grid.t[j] ?? 0));
        })
      : undefined;
  if (input.p95 === false) return { mean, p95: Number.NaN, ...(plansS ? { plansS } : {}) };

  // p95: the largest L for which even the relaxation misses more than 5 % of finals by more than L is a bound.
  const allowed = 0.05 * finals;
  const infeasible = (lagS: number) => {
    const tailPlan = (group: PricedGroup, prices: Float64Array) =>
      pricedTailPlan(group.grid, prices, gap, lagS, gridS);
    const missed = bestDual(groups, capacity, budget, allowed * 1.05, iterations, tailPlan, allowed);
    return missed > allowed;
  };
  let lo = 0;
  let hi = Math.max(gridS, (input.targetP95S ?? 10) - latencyS);
  while (infeasible(hi) && hi < input.durationS) {
    lo = hi;
    hi *= 1.5;
  }
  for (let iteration = 0; iteration < 10 && hi - lo > Math.max(gridS / 2, 0.01 * hi); iteration += 1) {
    const mid = (lo + hi) / 2;
    if (infeasible(mid)) lo = mid;
    else hi = mid;
  }
  return { mean, p95: lo + latencyS, ...(plansS ? { plansS } : {}) };
}

/** What the first-check bound is given. */
export interface FirstCheckBoundInput {
  /** Share of all messages final by age `ageS` (never-final ones never count; at most 1). */
  readonly finalShareBy: (ageS: number) => number;
  /** Seconds into the run each id is sent. */
  readonly arrivalsS: readonly number[];
  /** Requests per second, over all ids. */
  readonly rateCap: number;
  /** Length of the run, seconds. */
  readonly durationS: number;
  /** The time a request takes; the status read is the one half-way through it. @default 0 */
  readonly latencyS?: number;
  /** Step of the integral of the final share. @default 0.25 */
  readonly stepS?: number;
}

/**
 * A lower bound on the mean lag under the cap from first checks alone. Before its first check a schedule knows
 * nothing of an id but its age, so when that check comes is independent of when the id turns final; a final
 * status that exists at the first check (age x) is found no earlier, so the id's expected lag is at least
 * E[(x - final age)+] = ∫₀ˣ F. That integral grows, and convexly, with x, so no schedule does better than first
 * checks one after another in the order sent, as early as the cap allows (an id never checked lags to the end,
 * more than any check before the end gives). Divided by the expected number of finals within the run. Tight
 * where the first pass over many ids sent together is what the cap makes slow (a campaign); near 0 where the cap
 * leaves room for first checks.
 */
export function firstCheckBound(input: FirstCheckBoundInput): number {
  const stepS = input.stepS ?? 0.25;
  const halfLatencyS = (input.latencyS ?? 0) / 2;
  const arrivals = [...input.arrivalsS].filter((at) => at < input.durationS).sort((a, b) => a - b);
  const first = arrivals[0];
  if (first === undefined) return Number.NaN;
  const steps = Math.max(1, Math.ceil((input.durationS - first) / stepS));
  const share = new Float64Array(steps + 1);
  // integral[k] = ∫₀^(k step) F as a left sum: F never decreases, so it never over-states the integral.
  const integral = new Float64Array(steps + 1);
  for (let k = 0; k <= steps; k += 1) {
    share[k] = Math.min(1, Math.max(k === 0 ? 0 : (share[k - 1] ?? 0), input.finalShareBy(k * stepS)));
    if (k > 0) integral[k] = (integral[k - 1] ?? 0) + (share[k - 1] ?? 0) * stepS;
  }
  const integralTo = (x: number) => {
    const k = Math.min(steps, Math.max(0, Math.floor(x / stepS)));
    return (integral[k] ?? 0) + (share[k] ?? 0) * Math.max(0, Math.min(x, steps * stepS) - k * stepS);
  };
  const spacingS = 1 / input.rateCap;
  let lagTotal = 0;
  let finals = 0;
  let nextStart = Number.NEGATIVE_INFINITY;
  for (const at of arrivals) {
    const horizon = input.durationS - at;
    const start = Math.max(at, nextStart);
    nextStart = start + spacingS;
    lagTotal += integralTo(Math.min(start - at + halfLatencyS, horizon));
    finals += input.finalShareBy(horizon);
  }
  return finals > 0 ? lagTotal / finals : Number.NaN;
}
