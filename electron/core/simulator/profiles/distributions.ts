/**
 * Delay distributions of the simulator's delivery profiles, in seconds: uniform, lognormal and exponential, with
 * their quantile function (to draw a delay from one uniform roll) and their distribution function (for the
 * benchmark's oracle). Pure and deterministic.
 */

/** A delay drawn uniformly between `minS` and `maxS` seconds. */
export interface UniformDelay {
  readonly dist: 'uniform';
  readonly minS: number;
  readonly maxS: number;
}

/** A delay whose logarithm is normal: half the delays are below `medianS`; `sigma` is the spread of the log. */
export interface LognormalDelay {
  readonly dist: 'lognormal';
  readonly medianS: number;
  readonly sigma: number;
}

/** A memoryless delay with mean `meanS` seconds. */
export interface ExponentialDelay {
  readonly dist: 'exponential';
  readonly meanS: number;
}

/** One of the delay distributions a profile may use. */
export type DelayDistribution = UniformDelay | LognormalDelay | ExponentialDelay;

/** The delay (seconds) below which a share `roll` (0..1) of delays fall: the inverse distribution function. */
export function delayQuantileS(dist: DelayDistribution, roll: number): number {
  const u = Math.min(Math.max(roll, 0), 1 - 1e-12);
  switch (dist.dist) {
    case 'uniform':
      return dist.minS + (dist.maxS - dist.minS) * u;
    case 'lognormal':
      return dist.medianS * Math.exp(dist.sigma * normalQuantile(Math.max(u, 1e-12)));
    case 'exponential':
      return -dist.meanS * Math.log1p(-u);
  }
}

/** The share of delays at or below `seconds`: the distribution function. */
export function delayCdf(dist: DelayDistribution, seconds: number): number {
  if (seconds <= 0) return dist.dist === 'uniform' && dist.maxS <= 0 ? 1 : 0;
  switch (dist.dist) {
    case 'uniform':
      if (dist.maxS <= dist.minS) return seconds >= dist.minS ? 1 : 0;
      return Math.min(1, Math.max(0, (seconds - dist.minS) / (dist.maxS - dist.minS)));
    case 'lognormal':
      return normalCdf(Math.log(seconds / dist.medianS) / dist.sigma);
    case 'exponential':
      return 1 - Math.exp(-seconds / dist.meanS);
  }
}

/** The median delay in seconds. */
export function delayMedianS(dist: DelayDistribution): number {
  return delayQuantileS(dist, 0.5);
}

/** The standard normal distribution function (Abramowitz-Stegun 7.1.26 via erf, error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  const [a0, a1, a2, a3, a4, a5] = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const [b0, b1, b2, b3, b4] = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const [c0, c1, c2, c3, c4, c5] = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const [d0, d1, d2, d3] = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}
