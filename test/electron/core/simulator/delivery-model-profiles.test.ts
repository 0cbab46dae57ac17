import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILE,
  ProfileError,
  createSimulator,
  finalAfterMs,
  parseDeliveryProfile,
  readProfileFile,
  timelineFor,
} from '../../../../electron/core/simulator';
import { delayCdf, delayQuantileS } from '../../../../electron/core/simulator/profiles';

const PROFILES = resolve(import.meta.dirname, '../../../../electron/core/simulator/profiles');

const ISSUE_EXAMPLE = {
  outcomes: [
    { share: 0.75, status: 'delivered', after: { dist: 'uniform', minS: 2, maxS: 30 } },
    { share: 0.1, status: 'delivered', after: { dist: 'lognormal', medianS: 300, sigma: 0.8 } },
    { share: 0.08, status: 'undeliverable', after: { dist: 'exponential', meanS: 20 } },
    { share: 0.03, status: 'permanenterror', after: { dist: 'uniform', minS: 120, maxS: 600 } },
    { share: 0.04, status: 'never' },
  ],
  processingAfterS: { dist: 'uniform', minS: 0.5, maxS: 3 },
};

function refusal(json: unknown): string {
  try {
    parseDeliveryProfile(json);
  } catch (error) {
    if (error instanceof ProfileError) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('delivery profiles', () => {
  it('follows a profile: the shares and delay distributions of its outcomes', () => {
    const profile = parseDeliveryProfile(ISSUE_EXAMPLE);
    const ids = Array.from({ length: 20_000 }, (_, i) => `p-${i}`);
    const timelines = ids.map((id) => timelineFor(3, id, profile));
    const share = (predicate: (t: (typeof timelines)[number]) => boolean) =>
      timelines.filter(predicate).length / timelines.length;
    expect(share((t) => t.category === 'stuck')).toBeCloseTo(0.04, 1);
    expect(share((t) => t.category === 'undeliverable')).toBeCloseTo(0.08, 1);
    expect(share((t) => t.category === 'delivered-late')).toBeCloseTo(0.1, 1);
    // Late deliveries follow the lognormal: about half of them before its median of 300 s.
    const late = timelines.filter((t) => t.category === 'delivered-late').map((t) => finalAfterMs(t) ?? 0);
    expect(late.filter((ms) => ms < 300_000).length / late.length).toBeCloseTo(0.5, 1);
    // Undeliverable ones are exponential with a 20 s mean.
    const failed = timelines.filter((t) => t.category === 'undeliverable').map((t) => finalAfterMs(t) ?? 0);
    expect(failed.reduce((sum, ms) => sum + ms, 0) / failed.length / 1000).toBeGreaterThan(17);
    expect(failed.reduce((sum, ms) => sum + ms, 0) / failed.length / 1000).toBeLessThan(23);
    for (const t of timelines) {
      const processing = t.steps[1];
      const final = finalAfterMs(t);
      if (processing && final !== null) expect(processing.afterMs).toBeLessThanOrEqual(final / 2 + 1);
    }
  });

  it('ships the historical model as the default profile file, and the simulator uses it unless told otherwise', () => {
    expect(readProfileFile(join(PROFILES, 'default.json'))).toEqual(DEFAULT_PROFILE);
    const simulator = createSimulator({ seed: 5 });
    for (let i = 0; i < 200; i += 1) {
      expect(simulator.timeline(`d-${i}`)).toEqual(timelineFor(5, `d-${i}`, DEFAULT_PROFILE));
    }
    const ids = Array.from({ length: 10_000 }, (_, i) => `h-${i}`).map((id) => timelineFor(1, id));
    const fast = ids.filter((t) => t.category === 'delivered-fast').map((t) => finalAfterMs(t) ?? 0);
    expect(fast.length / ids.length).toBeCloseTo(0.75, 1);
    expect(Math.min(...fast)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...fast)).toBeLessThanOrEqual(30_000);
  });

  it('lets magic prefixes force an outcome whatever the profile', () => {
    const allStuck = parseDeliveryProfile({ outcomes: [{ share: 1, status: 'never' }] });
    const simulator = createSimulator({ profile: allStuck });
    expect(simulator.timeline('plain-1').category).toBe('stuck');
    const fast = simulator.timeline('fast-sms-1');
    expect(fast.category).toBe('delivered-fast');
    expect(finalAfterMs(fast)).toBeLessThanOrEqual(30_000);
    expect(simulator.timeline('undeliverable-2').steps.at(-1)?.status).toBe('undeliverable');
  });

  it('reads the profiles shipped beside the default', () => {
    for (const name of ['second-hump.json', 'heavy-tail.json']) {
      expect(readProfileFile(join(PROFILES, name)).outcomes.length).toBeGreaterThan(2);
    }
  });

  it('refuses a bad profile, naming the field and the reason', () => {
    expect(refusal([])).toBe('profile: must be an object (got [])');
    expect(refusal({ outcomes: [] })).toBe('profile.outcomes: must be a non-empty array of outcomes');
    expect(refusal({ outcomes: [{ share: 0.5, status: 'never' }] })).toBe(
      'profile.outcomes: shares must add up to 1 (they add up to 0.5)',
    );
    expect(refusal({ outcomes: [{ share: 1, status: 'lost' }] })).toMatch(
      /^profile\.outcomes\[0\]\.status: must be one of delivered, undeliverable, permanenterror, never/,
    );
    expect(
      refusal({ outcomes: [{ share: 1, status: 'delivered', after: { dist: 'lognormal', medianS: 10 } }] }),
    ).toBe('profile.outcomes[0].after.sigma: must be a number above 0 and at most 5 (got nothing)');
    expect(
      refusal({
        outcomes: [{ share: 1, status: 'delivered', after: { dist: 'uniform', minS: 9, maxS: 3 } }],
      }),
    ).toBe('profile.outcomes[0].after.maxS: must be at least minS (9), got 3');
    expect(refusal({ outcomes: [{ share: 1, status: 'delivered' }] })).toBe(
      'profile.outcomes[0].after: is required when status is delivered',
    );
    expect(
      refusal({ outcomes: [{ share: 1, status: 'delivered', after: { dist: 'gamma', shape: 2 } }] }),
    ).toBe('profile.outcomes[0].after.dist: must be uniform, lognormal or exponential (got "gamma")');
    expect(refusal({ ...ISSUE_EXAMPLE, extra: 1 })).toMatch(/^profile\.extra: is not a known field/);
  });

  it('names the file when it is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "outcomes": [');
    expect(() => readProfileFile(broken)).toThrow(new RegExp(`^${broken}: is not valid JSON`));
    expect(() => readProfileFile(join(dir, 'none.json'))).toThrow(/none\.json: no such file$/);
  });

  it('draws delays whose distribution function is the inverse of the quantile function', () => {
    const dists = [
      { dist: 'uniform', minS: 2, maxS: 30 },
      { dist: 'lognormal', medianS: 300, sigma: 0.8 },
      { dist: 'exponential', meanS: 20 },
    ] as const;
    for (const dist of dists) {
      for (const p of [0.01, 0.1, 0.5, 0.9, 0.99])
        expect(delayCdf(dist, delayQuantileS(dist, p))).toBeCloseTo(p, 5);
    }
  });
});
