import { describe, expect, it } from 'vitest';
import { createSimulator, type MessageTimeline } from '../../../../electron/core/simulator';
import { asResponse, getStatus, jsonOf, manualClock, statusOf } from './sim-test-kit';

const RANK: Readonly<Record<string, number>> = { scheduled: 0, processing: 1 };
const rank = (status: unknown): number => (typeof status === 'string' ? (RANK[status] ?? 2) : -1);
const FINAL = ['delivered', 'undeliverable', 'permanenterror'];

describe('simulator timelines', () => {
  it('moves an id scheduled -> processing -> final as the clock advances, and never back', () => {
    const clock = manualClock();
    const simulator = createSimulator({ clock, rateLimit: null });
    const ids = Array.from({ length: 100 }, (_, i) => `tl-${i}`);
    const seen = new Map<string, unknown[]>(ids.map((id) => [id, []]));
    for (let elapsed = 0; elapsed <= 2 * 3_600_000;) {
      for (const id of ids) seen.get(id)?.push(statusOf(getStatus(simulator, id)));
      const stepMs = elapsed < 60_000 ? 1000 : 300_000;
      clock.advance(stepMs);
      elapsed += stepMs;
    }
    let fullLifecycles = 0;
    for (const [id, statuses] of seen) {
      const ranks = statuses.map(rank);
      expect(
        ranks.every((r, i) => i === 0 || r >= (ranks[i - 1] ?? 0)),
        id,
      ).toBe(true);
      const finals = new Set(statuses.filter((s) => typeof s === 'string' && FINAL.includes(s)));
      expect(finals.size, id).toBeLessThanOrEqual(1);
      expect(statuses[0]).toBe('scheduled');
      if (statuses.includes('processing') && finals.size === 1) fullLifecycles++;
    }
    expect(fullLifecycles).toBeGreaterThan(75);
  });

  it('gives the same timeline for the same seed and id, and a different one for another seed', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `det-${i}`);
    const a = createSimulator({ seed: 7 });
    const b = createSimulator({ seed: 7 });
    const c = createSimulator({ seed: 8 });
    expect(ids.map((id) => a.timeline(id))).toEqual(ids.map((id) => b.timeline(id)));
    const outcome = (t: MessageTimeline) => `${t.category}/${t.shape}/${t.steps.at(-1)?.afterMs ?? -1}`;
    const differing = ids.filter((id) => outcome(a.timeline(id)) !== outcome(c.timeline(id))).length;
    expect(differing).toBeGreaterThan(900);
  });

  it('keeps the messagelistId stable per id across polls', () => {
    const clock = manualClock();
    const simulator = createSimulator({ clock });
    const first = jsonOf(getStatus(simulator, 'stable-1')).messagelistId;
    clock.advance(3_600_000);
    expect(jsonOf(getStatus(simulator, 'stable-1')).messagelistId).toBe(first);
    expect(first).toBe(simulator.timeline('stable-1').messagelistId);
    expect(Number.isInteger(first)).toBe(true);
  });

  it('reports finalStatusAt: null until asked, then first seen + final offset, and the status flips exactly then', () => {
    const clock = manualClock();
    const simulator = createSimulator({ clock, rateLimit: null });
    const id = 'fast-final-at';
    expect(simulator.finalStatusAt(id)).toBeNull();
    expect(simulator.firstSeenAt(id)).toBeNull();
    const firstAsked = clock.now();
    getStatus(simulator, id);
    const finalAt = simulator.finalStatusAt(id);
    expect(simulator.firstSeenAt(id)).toBe(firstAsked);
    expect(finalAt).toBe(firstAsked + (simulator.timeline(id).steps.at(-1)?.afterMs ?? NaN));
    clock.advance((finalAt ?? 0) - clock.now() - 1);
    expect(statusOf(getStatus(simulator, id))).not.toBe('delivered');
    clock.advance(1);
    expect(statusOf(getStatus(simulator, id))).toBe('delivered');
    clock.advance(60_000);
    getStatus(simulator, id);
    expect(simulator.finalStatusAt(id)).toBe(finalAt);
  });

  it('has no finalStatusAt for stuck, missing or malformed ids', () => {
    const simulator = createSimulator({ clock: manualClock() });
    for (const id of ['stuck-1', 'missing-1', 'bad id']) {
      getStatus(simulator, id);
      expect(simulator.finalStatusAt(id)).toBeNull();
    }
  });

  it('markSent starts a timeline at the given time, once', () => {
    const clock = manualClock();
    const simulator = createSimulator({ clock });
    const sentAt = clock.now() - 60_000;
    simulator.markSent('fast-sent-1', sentAt);
    simulator.markSent('fast-sent-1', clock.now());
    simulator.markSent('missing-1');
    expect(simulator.firstSeenAt('fast-sent-1')).toBe(sentAt);
    expect(simulator.firstSeenAt('missing-1')).toBeNull();
    expect(statusOf(getStatus(simulator, 'fast-sent-1'))).toBe('delivered');
    expect(simulator.finalStatusAt('fast-sent-1')).toBe(
      sentAt + (simulator.timeline('fast-sent-1').steps.at(-1)?.afterMs ?? NaN),
    );
  });

  it('an unauthorized request does not start the clock of an id', () => {
    const simulator = createSimulator({ clock: manualClock() });
    simulator.handle({ method: 'GET', path: '/bat/message/x1', headers: {} });
    expect(simulator.firstSeenAt('x1')).toBeNull();
  });
});

describe('simulator magic prefixes', () => {
  it.each([
    ['fast-1', 'delivered-fast', 'delivered'],
    ['late-1', 'delivered-late', 'delivered'],
    ['undeliverable-1', 'undeliverable', 'undeliverable'],
    ['permanenterror-1', 'permanenterror', 'permanenterror'],
    ['stuck-1', 'stuck', undefined],
  ])('%s forces the outcome %s', (id, category, finalStatus) => {
    const timeline = createSimulator().timeline(id);
    expect(timeline.category).toBe(category);
    const last = timeline.steps.at(-1)?.status;
    if (finalStatus === undefined) expect(['scheduled', 'processing']).toContain(last);
    else expect(last).toBe(finalStatus);
  });

  it('forces the channel and combines with an outcome prefix', () => {
    const simulator = createSimulator();
    expect(simulator.timeline('sms-late-9')).toMatchObject({ shape: 'basic', category: 'delivered-late' });
    expect(simulator.timeline('fast-viber-9')).toMatchObject({
      shape: 'extended',
      channel: 'viber',
      fallback: 'not-used',
      partsCount: 1,
    });
    expect(simulator.timeline('late-fallback-9')).toMatchObject({
      shape: 'extended',
      channel: 'sms',
      fallback: 'used',
      category: 'delivered-late',
    });
  });
});

describe('simulator response bodies', () => {
  it('sends the extended response with fallback details for Viber, delivered by Viber or by SMS fallback', () => {
    const clock = manualClock();
    const simulator = createSimulator({ clock });
    getStatus(simulator, 'fast-viber-1');
    getStatus(simulator, 'fast-fallback-1');
    clock.advance(60_000);
    const byViber = jsonOf(getStatus(simulator, 'fast-viber-1'));
    const bySms = jsonOf(getStatus(simulator, 'fast-fallback-1'));
    expect(byViber).toMatchObject({
      deliverystatus: 'delivered',
      fallbacks: [{ type: 'sms', status: 'not_used' }],
      extendedStatuses: { viber: 'delivered', sms: 'not_used' },
    });
    expect(bySms).toMatchObject({ deliverystatus: 'delivered', extendedStatuses: { sms: 'delivered' } });
    expect(['expired', 'undeliverable']).toContain((bySms.extendedStatuses as { viber: string }).viber);
    for (const body of [byViber, bySms]) {
      expect(Object.keys(body)).toEqual([
        'messagelistId',
        'messageId',
        'deliverystatus',
        'partscount',
        'cost',
        'fallbacks',
        'extendedStatuses',
        'rate',
        'rateAmount',
        'rateCurrency',
        'billAmount',
        'billCurrency',
      ]);
      expect(body.billAmount).toBe(body.cost);
      expect(body.billCurrency).toBe(body.rateCurrency);
    }
  });

  it('omits cost while scheduled or processing, and writes 0.00 for failures', () => {
    const clock = manualClock();
    const simulator = createSimulator({ clock });
    const early = jsonOf(getStatus(simulator, 'undeliverable-sms-1'));
    expect(early).not.toHaveProperty('cost');
    expect(jsonOf(getStatus(simulator, 'undeliverable-viber-1'))).not.toHaveProperty('billAmount');
    clock.advance(61_000);
    const raw = asResponse(getStatus(simulator, 'undeliverable-sms-1')).body;
    expect(raw).toContain('"cost":0.00');
    expect(JSON.parse(raw)).toMatchObject({ deliverystatus: 'undeliverable', cost: 0 });
  });

  it('over 5,000 ids matches the documented proportions, shapes, parts and currencies', () => {
    const clock = manualClock();
    const simulator = createSimulator({ clock, rateLimit: null, seed: 42 });
    const ids = Array.from({ length: 5000 }, (_, i) => `prop-${i}`);
    for (const id of ids) getStatus(simulator, id);
    const share = (bodies: Record<string, unknown>[], test: (b: Record<string, unknown>) => boolean) =>
      bodies.filter(test).length / bodies.length;

    clock.advance(31_000);
    const at31s = ids.map((id) => jsonOf(getStatus(simulator, id)));
    expect(share(at31s, (b) => b.deliverystatus === 'delivered')).toBeGreaterThan(0.7);
    expect(share(at31s, (b) => b.deliverystatus === 'delivered')).toBeLessThan(0.8);

    clock.advance(3_600_000);
    const later = ids.map((id) => jsonOf(getStatus(simulator, id)));
    const delivered = share(later, (b) => b.deliverystatus === 'delivered');
    const undeliverable = share(later, (b) => b.deliverystatus === 'undeliverable');
    const permanent = share(later, (b) => b.deliverystatus === 'permanenterror');
    const pending = share(
      later,
      (b) => b.deliverystatus === 'scheduled' || b.deliverystatus === 'processing',
    );
    expect(delivered).toBeGreaterThan(0.81);
    expect(delivered).toBeLessThan(0.89);
    expect(undeliverable).toBeGreaterThan(0.06);
    expect(undeliverable).toBeLessThan(0.1);
    expect(permanent).toBeGreaterThan(0.02);
    expect(permanent).toBeLessThan(0.045);
    expect(pending).toBeGreaterThan(0.025);
    expect(pending).toBeLessThan(0.055);

    const extended = later.filter((b) => 'extendedStatuses' in b);
    const basic = later.filter((b) => !('extendedStatuses' in b));
    expect(extended.length / later.length).toBeGreaterThan(0.26);
    expect(extended.length / later.length).toBeLessThan(0.34);
    for (const b of basic) {
      expect(
        Object.keys(b).filter(
          (k) => !['messagelistId', 'messageId', 'deliverystatus', 'partscount', 'cost'].includes(k),
        ),
      ).toEqual([]);
    }
    expect(new Set(extended.map((b) => b.rateCurrency))).toEqual(new Set(['UAH', 'USD', 'EUR']));
    const viaSms = extended.filter(
      (b) => b.deliverystatus === 'delivered' && (b.extendedStatuses as { sms: string }).sms === 'delivered',
    );
    const viaViber = extended.filter((b) => (b.extendedStatuses as { viber: string }).viber === 'delivered');
    expect(viaSms.length).toBeGreaterThan(200);
    expect(viaViber.length).toBeGreaterThan(300);

    expect(new Set(later.map((b) => b.partscount))).toEqual(new Set([1, 2, 3, 4]));
    const costs = later.filter((b) => b.deliverystatus === 'delivered').map((b) => b.cost as number);
    expect(Math.min(...costs)).toBeGreaterThan(0);
    expect(new Set(costs).size).toBeGreaterThan(1000);
    for (const b of later.filter(
      (x) => x.deliverystatus === 'undeliverable' || x.deliverystatus === 'permanenterror',
    )) {
      expect(b.cost).toBe(0);
    }
    for (const b of later.filter(
      (x) => x.deliverystatus === 'scheduled' || x.deliverystatus === 'processing',
    )) {
      expect(b).not.toHaveProperty('cost');
    }
  });
});

describe('timeScale', () => {
  it('speeds every timeline up by the given factor, for demos and tests', () => {
    const clock = manualClock();
    const normal = createSimulator({ clock, seed: 3 });
    const fast = createSimulator({ clock, seed: 3, timeScale: 0.1 });
    const sentAt = clock.now();
    normal.markSent('fast-1', sentAt);
    fast.markSent('fast-1', sentAt);
    const normalAfter = (normal.finalStatusAt('fast-1') ?? 0) - sentAt;
    expect(normalAfter).toBeGreaterThanOrEqual(2_000);
    expect(fast.finalStatusAt('fast-1')).toBeCloseTo(sentAt + normalAfter * 0.1, 5);
    clock.advance(normalAfter * 0.1 + 1);
    expect(statusOf(getStatus(fast, 'fast-1'))).toBe('delivered');
    expect(statusOf(getStatus(normal, 'fast-1'))).not.toBe('delivered');
    expect(() => createSimulator({ timeScale: 0 })).toThrow(/timeScale/);
  });
});
