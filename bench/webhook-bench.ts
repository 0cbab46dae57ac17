/**
 * Webhooks against polling alone, on the real PollScheduler in virtual time: learning-only polling, then the same
 * polling with SMSBAT's webhooks (each change pushed up to 0.5 s after it happens) at 0%, 1% and 10% loss, on the
 * benchmark's workloads. Prints requests per final status and lag beside the targets.
 *
 * Run: `node --import tsx bench/webhook-bench.ts` (options: `--seeds N --scale X --workload SLUG`).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PROFILE } from '../electron/core/simulator';
import { runEngine } from './engine-run';
import type { SimOutcome, SimWorkload } from './event-sim';
import { quantile, table } from './stats';
import { drawWorkload, workloads, type WorkloadSpec } from './workloads';

/** One run's figures: requests per final status known, mean and p95 lag, and finals missed. */
export interface WebhookRunFigures {
  readonly finals: number;
  readonly detected: number;
  readonly requestsPerFinal: number;
  readonly meanLagMs: number;
  readonly p95LagMs: number;
}

/** The figures of pooled runs: every id whose final status happened within the run counts. */
export function figuresOf(
  runs: readonly { workload: SimWorkload; outcome: SimOutcome }[],
): WebhookRunFigures {
  let finals = 0;
  let detected = 0;
  let requests = 0;
  const lags: number[] = [];
  for (const { workload, outcome } of runs) {
    requests += outcome.requests;
    workload.ids.forEach((id, i) => {
      if (id.finalAgeMs === null) return;
      const finalAt = id.arrivalMs + id.finalAgeMs;
      if (finalAt >= workload.durationMs) return;
      finals += 1;
      const at = outcome.detectedAtMs[i] ?? Number.NaN;
      if (Number.isNaN(at)) return;
      detected += 1;
      lags.push(Math.max(0, at - finalAt));
    });
  }
  lags.sort((a, b) => a - b);
  return {
    finals,
    detected,
    requestsPerFinal: requests / Math.max(1, finals),
    meanLagMs: lags.reduce((sum, lag) => sum + lag, 0) / Math.max(1, lags.length),
    p95LagMs: lags.length === 0 ? Number.NaN : quantile(lags, 0.95),
  };
}

const LOSS_RATES = [0, 0.01, 0.1] as const;

async function pooled(
  spec: WorkloadSpec,
  seeds: number,
  webhooks: { readonly lossRate: number } | null,
): Promise<WebhookRunFigures> {
  const runs: { workload: SimWorkload; outcome: SimOutcome }[] = [];
  for (let s = 0; s < seeds; s += 1) {
    const seed = 7 + s;
    const workload = drawWorkload(spec, seed, DEFAULT_PROFILE, 80);
    const outcome = await runEngine(spec, {
      profile: DEFAULT_PROFILE,
      seed,
      policy: 'learning',
      ...(webhooks === null ? {} : { webhooks }),
    });
    runs.push({ workload, outcome });
  }
  return figuresOf(runs);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seeds: { type: 'string' }, scale: { type: 'string' }, workload: { type: 'string' } },
  });
  const seeds = Number(values.seeds ?? 2);
  const scale = Number(values.scale ?? 0.1);
  for (const spec of workloads(scale).filter(
    (w) => values.workload === undefined || w.slug === values.workload,
  )) {
    const polling = await pooled(spec, seeds, null);
    const rows: string[][] = [
      [
        'learning-only polling',
        polling.requestsPerFinal.toFixed(2),
        '',
        seconds(polling.meanLagMs),
        seconds(polling.p95LagMs),
        `${polling.detected}/${polling.finals}`,
        '',
      ],
    ];
    for (const lossRate of LOSS_RATES) {
      const figures = await pooled(spec, seeds, { lossRate });
      const fewer = polling.requestsPerFinal / figures.requestsPerFinal;
      const targets =
        lossRate === 0
          ? `≥10× fewer: ${mark(fewer >= 10)}; mean lag < 1 s: ${mark(figures.meanLagMs < 1000)}`
          : lossRate === 0.1
            ? `every final: ${mark(figures.detected === figures.finals)}; lag ≤ polling: ${mark(figures.meanLagMs <= polling.meanLagMs)}`
            : '';
      rows.push([
        `webhooks, ${lossRate * 100}% lost`,
        figures.requestsPerFinal.toFixed(2),
        `${fewer.toFixed(1)}×`,
        seconds(figures.meanLagMs),
        seconds(figures.p95LagMs),
        `${figures.detected}/${figures.finals}`,
        targets,
      ]);
    }
    process.stdout.write(`\n${spec.name} (scale ${scale}, ${seeds} seeds)\n`);
    process.stdout.write(
      table(
        ['run', 'requests/final', 'fewer than polling', 'mean lag', 'p95 lag', 'finals known', 'targets'],
        rows,
      ) + '\n',
    );
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  void main();
}
