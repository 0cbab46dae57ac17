import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The row of one strategy in the table that follows a workload heading. */
function row(section: string, strategy: string): string[] {
  const line = section.split('\n').find((text) => text.startsWith(strategy));
  if (!line) throw new Error(`no "${strategy}" row in:\n${section}`);
  return line
    .slice(strategy.length)
    .trim()
    .split(/\s{2,}/);
}

describe('npm run bench', () => {
  it('prints, for each workload, every strategy with its figures and the ratios, then memory per id', () => {
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'bench/scheduler-bench.ts', '--quick'],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const sections = run.stdout.split('\n## ').slice(1);
    expect(sections.map((section) => section.split('\n')[0])).toEqual([
      'burst of 50 one-time codes, cap 10/s, 30 min',
      'campaign of 1000 ids, cap 50/s, 2 h',
      'trickle of 1 id/s for 6 min, cap 10/s, then 30 min',
      'memory',
    ]);
    const caps = [10, 50, 10];
    sections.slice(0, 3).forEach((section, index) => {
      const [requests, , , , , detected, peak] = row(section, 'scheduler');
      // The scheduler sees every final status, never beyond its cap, with far fewer requests than fixed polling.
      expect(detected).toBe('100.0 %');
      expect(Number(peak)).toBeLessThanOrEqual(caps[index] ?? 0);
      expect(Number(requests)).toBeLessThan(Number(row(section, 'fixed 5 s')[0]) / 2);
      expect(Number.parseFloat(row(section, "guide's (10/batch, 60 s)")[5] ?? '')).toBeLessThan(100);
      expect(section).toMatch(/scheduler vs fixed 5 s: requests \d+\.\d\dx, lag p50 \d+\.\d\dx/);
    });
    expect(sections[3]).toMatch(/engine heap per watched id at 10,000 ids: \d+ bytes/);
  });
});
