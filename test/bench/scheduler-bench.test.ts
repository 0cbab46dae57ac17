import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function bench(args: readonly string[]) {
  return spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/scheduler-bench.ts', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
}

interface Lag {
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

interface StrategyJson {
  readonly name: string;
  readonly kind: string;
  readonly intervalS?: number;
  readonly requests: number;
  readonly requestsPerIdHour: number;
  readonly detected: number;
  readonly lag: Lag;
  readonly matched: { readonly mean: number | null; readonly p95: number | null };
  readonly peakPerSecond: number;
  readonly minPerIdGapS: number;
  readonly deadlines?: { readonly firstCheckMaxS: number; readonly knownInTimeShare: number };
}

interface BenchJson {
  readonly profile: { readonly name: string; readonly outcomes: readonly unknown[] };
  readonly seeds: number;
  readonly workloads: readonly {
    readonly name: string;
    readonly slug: string;
    readonly rateCap: number;
    readonly seeds: number;
    readonly strategies: readonly StrategyJson[];
    readonly oracle: { readonly mean: number; readonly p95: number };
  }[];
}

describe('npm run bench', { timeout: 120_000 }, () => {
  it('prints one JSON object: every strategy on every workload, within the cap, every final detected', () => {
    const run = bench(['--json', '--quick', '--seeds', '1', '--scale', '0.02']);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as BenchJson;
    expect(result.seeds).toBe(1);
    expect(result.profile.name).toBe('default');
    expect(result.profile.outcomes.length).toBeGreaterThan(0);
    expect(result.workloads).toHaveLength(4);
    for (const workload of result.workloads) {
      const kinds = workload.strategies.map((strategy) => strategy.kind);
      expect(kinds.filter((kind) => kind === 'fixed')).toHaveLength(8);
      // The burst of codes and the trickle also run on the real scheduler.
      const engine = ['one-time-codes', 'trickle'].includes(workload.slug)
        ? ['engine-backoff', 'engine-learning']
        : [];
      expect(kinds.filter((kind) => kind !== 'fixed')).toEqual([
        'backoff',
        'guide',
        'learning-cold',
        'learning-warm',
        ...engine,
      ]);
      expect(workload.oracle.mean).toBeGreaterThan(0);
      expect(workload.oracle.p95).toBeGreaterThanOrEqual(workload.oracle.mean * 0.5);
      for (const strategy of workload.strategies) {
        const label = `${workload.name} / ${strategy.name}`;
        // Never beyond the rate cap, never the same id twice within a second.
        expect(strategy.peakPerSecond, label).toBeLessThanOrEqual(workload.rateCap);
        expect(strategy.minPerIdGapS, label).toBeGreaterThanOrEqual(1);
        expect(strategy.intervalS !== undefined, label).toBe(strategy.kind === 'fixed');
        expect(strategy.lag.p50, label).toBeLessThanOrEqual(strategy.lag.p95);
        expect(strategy.lag.p95, label).toBeLessThanOrEqual(strategy.lag.p99);
        expect(strategy.lag.p99, label).toBeLessThanOrEqual(strategy.lag.max);
        expect(strategy.requestsPerIdHour, label).toBeGreaterThan(0);
        if (strategy.kind !== 'guide') expect(strategy.detected, label).toBe(1);
        else expect(strategy.detected, label).toBeLessThan(1);
        // One-time codes during a campaign are first checked within 2 s, whatever the campaign asks of the cap.
        if (strategy.kind.startsWith('learning') && strategy.deadlines && workload.name.includes('during')) {
          expect(strategy.deadlines.firstCheckMaxS, label).toBeLessThanOrEqual(2);
        }
        if (strategy.kind !== 'fixed') expect(typeof strategy.matched.mean, label).toBe('number');
      }
    }
  });

  it('pools more seeds for a workload of few ids than it was asked for: the burst of 50 codes on 160', () => {
    const run = bench([
      '--json',
      '--seeds',
      '1',
      '--engine-seeds',
      '1',
      '--workload',
      'one-time-codes',
      '--no-memory',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as BenchJson;
    expect(result.seeds).toBe(1);
    expect(result.workloads.map((workload) => [workload.slug, workload.seeds])).toEqual([
      ['one-time-codes', 160],
    ]);
  });

  it('prints a table per workload with the matched-budget ratios and the oracle, writes a chart each, then ids streamed behind a backlog and memory per id', () => {
    const charts = mkdtempSync(join(tmpdir(), 'bench-charts-'));
    const run = bench(['--quick', '--seeds', '1', '--scale', '0.02', '--charts', charts]);
    expect(run.status, run.stderr).toBe(0);
    const sections = run.stdout.split('\n## ').slice(1);
    expect(sections.map((section) => section.split('\n')[0])).toEqual([
      'burst of 50 one-time codes, cap 10/s, 30 min, 1 seed pooled',
      'campaign of 200 ids, cap 50/s, 2 h, 1 seed pooled',
      'trickle of 1 id/s for 1 min, cap 10/s, then 30 min, 1 seed pooled',
      '12 one-time codes during a campaign of 200, cap 50/s, 1 h, 1 seed pooled',
      '200 ids with deadlines, then one a second, cap 5/s, 2 min, 1 seed',
      'memory',
    ]);
    for (const section of sections.slice(0, 4)) {
      expect(section).toMatch(
        /matched budget \(lag \/ fixed curve at the same requests\): backoff \(today\) mean \d+\.\d\dx/,
      );
      expect(section).toMatch(/oracle at learning, warm's budget .*: mean \d+\.\d s, p95 \d+\.\d s/);
    }
    // Ids streamed in behind the backlog get their first check within 2 s, with either policy.
    for (const policy of ['backoff', 'learning']) {
      const row = new RegExp(`^${policy} +(\\d+\\.\\d) s +(\\d+\\.\\d) s`, 'm').exec(sections[4] ?? '');
      expect(Number(row?.[2] ?? Number.NaN), policy).toBeLessThanOrEqual(2);
    }
    expect(sections[5]).toMatch(/engine heap per watched id at 10,000 ids: \d+ bytes/);
    expect(readdirSync(charts).sort()).toEqual([
      'campaign.svg',
      'codes-during-campaign.svg',
      'one-time-codes.svg',
      'trickle.svg',
    ]);
  });

  it('refuses a bad profile file, naming the field', () => {
    const run = bench(['--json', '--profile', join(ROOT, 'package.json')]);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/--profile .*package\.json: is not a known field|outcomes/);
  });
});
