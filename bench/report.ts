/** The benchmark's output: text tables with matched-budget ratios, one JSON object, and an SVG chart per workload. */
import type { DeliveryProfile } from '../electron/core/simulator';
import type { StrategyResult, WorkloadResult } from './run-bench';
import { table } from './stats';

/** Seconds with one decimal ("-" for NaN). */
function seconds(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} s` : '-';
}

/** A ratio like 0.62x ("-" for NaN). */
export function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : '-';
}

function percent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : '-';
}

/** The text report of one workload. */
export function workloadText(result: WorkloadResult): string {
  const rows = result.strategies.map((s) => [
    s.name,
    Math.round(s.requests).toLocaleString('en'),
    s.requestsPerIdHour.toFixed(0),
    percent(s.detected),
    seconds(s.lag.mean),
    seconds(s.lag.p50),
    seconds(s.lag.p95),
    seconds(s.lag.p99),
    seconds(s.lag.max),
    s.kind === 'fixed' ? '' : times(s.matched.mean),
    s.kind === 'fixed' ? '' : times(s.matched.p95),
    String(s.peakPerSecond),
  ]);
  const lines = [
    `## ${result.name}, ${String(result.seeds)} seed${result.seeds === 1 ? '' : 's'} pooled`,
    table(
      [
        'strategy',
        'requests',
        'req/id-h',
        'detected',
        'mean',
        'p50',
        'p95',
        'p99',
        'max',
        'x mean',
        'x p95',
        'peak/s',
      ],
      rows,
    ),
    'matched budget (lag / fixed curve at the same requests): ' +
      result.strategies
        .filter((s) => s.kind !== 'fixed')
        .map((s) => `${s.name} mean ${times(s.matched.mean)} p95 ${times(s.matched.p95)}`)
        .join('; '),
  ];
  const warm = result.strategies.find((s) => s.kind === 'learning-warm');
  if (warm) {
    lines.push(
      `oracle at learning, warm's budget (${(warm.requests / result.ids).toFixed(1)} requests per id): ` +
        `mean ${seconds(result.oracle.mean)}, p95 ${seconds(result.oracle.p95)}; ` +
        `learning, warm is ${times(warm.lag.mean / result.oracle.mean)} the oracle's mean and closes ` +
        `${percent(result.gapClosed.mean)} (mean), ${percent(result.gapClosed.p95)} (p95) of the gap from fixed polling`,
      `oracle under the rate cap (${result.rateCap}/s) at the same budget: mean ${seconds(result.oracleCapped.mean)} ` +
        `(the larger of the Lagrangian bound ${seconds(result.oracleCappedMeans.lagrangian)} and the ` +
        `first-check bound ${seconds(result.oracleCappedMeans.firstChecks)}), ` +
        `p95 ${Number.isFinite(result.oracleCapped.p95) ? seconds(result.oracleCapped.p95) : 'not computed'}; ` +
        `learning, warm is ${times(warm.lag.mean / result.oracleCapped.mean)} its mean` +
        (Number.isFinite(result.oracleCapped.p95)
          ? ` and ${times(warm.lag.p95 / result.oracleCapped.p95)} its p95`
          : ''),
    );
  }
  const withDeadlines = result.strategies.filter((s) => s.deadlines !== undefined);
  if (withDeadlines.length > 0) {
    lines.push(
      'codes with a deadline: ' +
        withDeadlines
          .filter((s) => s.kind !== 'fixed')
          .map(
            (s) =>
              `${s.name} first check within ${seconds(s.deadlines?.firstCheckMaxS ?? Number.NaN)}, ` +
              `known by the deadline ${percent(s.deadlines?.knownInTimeShare ?? Number.NaN)}`,
          )
          .join('; '),
    );
  }
  return lines.join('\n');
}

/** The one JSON object `--json` prints. */
export function benchJson(
  profileName: string,
  profile: DeliveryProfile,
  seeds: number,
  results: readonly WorkloadResult[],
): unknown {
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  const strategy = (s: StrategyResult) => ({
    name: s.name,
    kind: s.kind,
    ...(s.intervalS === undefined ? {} : { intervalS: s.intervalS }),
    requests: s.requests,
    requestsPerIdHour: finite(s.requestsPerIdHour),
    detected: finite(s.detected),
    lag: {
      mean: finite(s.lag.mean),
      p50: finite(s.lag.p50),
      p95: finite(s.lag.p95),
      p99: finite(s.lag.p99),
      max: finite(s.lag.max),
    },
    matched: { mean: finite(s.matched.mean), p95: finite(s.matched.p95) },
    peakPerSecond: s.peakPerSecond,
    minPerIdGapS: finite(s.minPerIdGapS),
    ...(s.deadlines === undefined ? {} : { deadlines: s.deadlines }),
  });
  return {
    profile: { name: profileName, ...profile },
    seeds,
    workloads: results.map((result) => ({
      name: result.name,
      slug: result.slug,
      rateCap: result.rateCap,
      ids: result.ids,
      seeds: result.seeds,
      strategies: result.strategies.map(strategy),
      oracle: { mean: finite(result.oracle.mean), p95: finite(result.oracle.p95) },
      oracleCapped: { mean: finite(result.oracleCapped.mean), p95: finite(result.oracleCapped.p95) },
      gapClosed: { mean: finite(result.gapClosed.mean), p95: finite(result.gapClosed.p95) },
    })),
  };
}

const MARKERS: Readonly<Record<string, string>> = {
  backoff: '#d62728',
  guide: '#7f7f7f',
  'learning-cold': '#2ca02c',
  'learning-warm': '#1f77b4',
};

/** An SVG chart of lag (mean and p95, log scale) against requests (log scale) for one workload. */
export function workloadSvg(result: WorkloadResult): string {
  const width = 800;
  const height = 440;
  const left = 64;
  const right = 270;
  const top = 36;
  const bottom = 48;
  const shown = result.strategies.filter((s) => s.kind !== 'guide' && s.requests > 0);
  const xs = shown.map((s) => s.requests);
  const ys = [...shown.flatMap((s) => [s.lag.mean, s.lag.p95]), result.oracle.mean, result.oracle.p95].filter(
    (y) => Number.isFinite(y) && y > 0,
  );
  const [xMin, xMax] = [Math.min(...xs) / 1.2, Math.max(...xs) * 1.2];
  const [yMin, yMax] = [Math.min(...ys) / 1.3, Math.max(...ys) * 1.3];
  const px = (x: number) =>
    left + ((Math.log(x) - Math.log(xMin)) / (Math.log(xMax) - Math.log(xMin))) * (width - left - right);
  const py = (y: number) =>
    height -
    bottom -
    ((Math.log(y) - Math.log(yMin)) / (Math.log(yMax) - Math.log(yMin))) * (height - top - bottom);
  const fmt = (value: number) => value.toFixed(1);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="20" font-size="13" font-weight="bold">${escapeXml(result.name)}</text>`,
    `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="black"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="black"/>`,
    `<text x="${(left + width - right) / 2}" y="${height - 10}" text-anchor="middle">requests per run (log scale)</text>`,
    `<text x="14" y="${(top + height - bottom) / 2}" transform="rotate(-90 14 ${(top + height - bottom) / 2})" text-anchor="middle">lag, seconds (log scale)</text>`,
  );
  for (const tick of logTicks(xMin, xMax)) {
    parts.push(
      `<line x1="${fmt(px(tick))}" y1="${height - bottom}" x2="${fmt(px(tick))}" y2="${height - bottom + 4}" stroke="black"/>`,
      `<text x="${fmt(px(tick))}" y="${height - bottom + 16}" text-anchor="middle">${tick.toLocaleString('en')}</text>`,
    );
  }
  for (const tick of logTicks(yMin, yMax)) {
    parts.push(
      `<line x1="${left - 4}" y1="${fmt(py(tick))}" x2="${width - right}" y2="${fmt(py(tick))}" stroke="#eee"/>`,
      `<text x="${left - 6}" y="${fmt(py(tick) + 4)}" text-anchor="end">${tick}</text>`,
    );
  }
  const fixed = shown.filter((s) => s.kind === 'fixed').sort((a, b) => a.requests - b.requests);
  for (const [key, dash] of [
    ['p95', '6 4'],
    ['mean', ''],
  ] as const) {
    const points = fixed
      .filter((s) => Number.isFinite(s.lag[key]) && s.lag[key] > 0)
      .map((s) => `${fmt(px(s.requests))},${fmt(py(s.lag[key]))}`)
      .join(' ');
    parts.push(`<polyline points="${points}" fill="none" stroke="black" stroke-dasharray="${dash}"/>`);
    for (const s of fixed) {
      parts.push(`<circle cx="${fmt(px(s.requests))}" cy="${fmt(py(s.lag[key]))}" r="2.5" fill="black"/>`);
    }
  }
  for (const s of shown.filter((candidate) => candidate.kind !== 'fixed')) {
    const color = MARKERS[s.kind] ?? 'black';
    parts.push(
      `<circle cx="${fmt(px(s.requests))}" cy="${fmt(py(s.lag.mean))}" r="5" fill="${color}"/>`,
      `<circle cx="${fmt(px(s.requests))}" cy="${fmt(py(s.lag.p95))}" r="5" fill="white" stroke="${color}" stroke-width="2"/>`,
    );
  }
  const warm = shown.find((s) => s.kind === 'learning-warm');
  if (warm) {
    for (const y of [result.oracle.mean, result.oracle.p95]) {
      if (Number.isFinite(y) && y > 0) {
        parts.push(
          `<text x="${fmt(px(warm.requests))}" y="${fmt(py(y) + 5)}" text-anchor="middle" font-size="16" fill="#9467bd">&#9733;</text>`,
        );
      }
    }
  }
  const legend: [string, string][] = [
    ['fixed curve, mean (solid) and p95 (dashed)', 'black'],
    ['backoff (today)', MARKERS.backoff ?? 'black'],
    ['learning, cold', MARKERS['learning-cold'] ?? 'black'],
    ['learning, warm', MARKERS['learning-warm'] ?? 'black'],
    ['oracle at the warm budget', '#9467bd'],
  ];
  legend.forEach(([label, color], index) => {
    const y = top + 10 + index * 18;
    parts.push(
      `<rect x="${width - right + 12}" y="${y - 8}" width="10" height="10" fill="${color}"/>`,
      `<text x="${width - right + 28}" y="${y + 1}">${escapeXml(label)}</text>`,
    );
  });
  parts.push(
    `<text x="${width - right + 12}" y="${top + 10 + legend.length * 18 + 6}">filled: mean lag; hollow: p95</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}

function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let decade = 10 ** Math.floor(Math.log10(min)); decade <= max; decade *= 10) {
    for (const step of [1, 2, 5]) {
      const tick = decade * step;
      if (tick >= min && tick <= max) ticks.push(tick);
    }
  }
  return ticks;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
