import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Money, WatchPhase, WatchedMessage } from '../../shared/message';
import type { StatusKind } from '../../shared/status';
import {
  MESSAGE_BUCKETS,
  MIN_FINAL_FOR_RATE,
  bucketOf,
  deliveryRateView,
  summarize,
  summarizeByLabel,
  summarizeWithLabels,
} from '../../shared/totals';

interface MessageOptions {
  readonly id?: string;
  readonly label?: string | null;
  readonly phase?: WatchPhase;
  /** The latest status kind; null (the default) means never checked. */
  readonly kind?: StatusKind | null;
  readonly charge?: Money | null;
  readonly overdue?: boolean;
}

let nextId = 0;

/** Builds a watched message with sensible defaults: unlabelled, watching, never checked, not overdue. */
function message(options: MessageOptions = {}): WatchedMessage {
  const kind = options.kind ?? null;
  nextId += 1;
  const id = options.id ?? `msg-${nextId}`;
  return {
    id,
    label: options.label ?? null,
    phase: options.phase ?? (kind === 'delivered' || kind === 'failed' ? 'final' : 'watching'),
    snapshot:
      kind === null
        ? null
        : {
            messageId: id,
            messagelistId: 1,
            rawStatus: kind,
            kind,
            partsCount: 1,
            charge: options.charge ?? null,
            rate: null,
            channels: [],
            fallbacks: [],
          },
    history: [],
    addedAt: 0,
    lastCheckedAt: kind === null ? null : 1,
    lastChangedAt: null,
    deadlineAt: null,
    overdue: options.overdue ?? false,
    lastError: null,
  };
}

const usd = (amount: number): Money => ({ amount, currency: 'USD' });

describe('bucketOf', () => {
  it('puts a message that was never checked in unchecked', () => {
    expect(bucketOf(message())).toBe('unchecked');
  });

  it.each(['pending', 'delivered', 'failed', 'unknown'] as const)(
    'puts a %s message in its status bucket',
    (kind) => {
      expect(bucketOf(message({ kind }))).toBe(kind);
    },
  );

  it('puts a message SMSBAT does not know in not_found, whatever its last status', () => {
    expect(bucketOf(message({ phase: 'not_found' }))).toBe('not_found');
    expect(bucketOf(message({ phase: 'not_found', kind: 'pending' }))).toBe('not_found');
  });

  it('puts a message whose watch window ran out in gave_up, whatever its last status', () => {
    expect(bucketOf(message({ phase: 'gave_up' }))).toBe('gave_up');
    expect(bucketOf(message({ phase: 'gave_up', kind: 'pending' }))).toBe('gave_up');
  });
});

describe('summarize', () => {
  it('gives zeros, no delivery rate and no costs for an empty list', () => {
    expect(summarize([])).toEqual({
      total: 0,
      counts: { unchecked: 0, pending: 0, delivered: 0, failed: 0, unknown: 0, not_found: 0, gave_up: 0 },
      overdue: 0,
      deliveryRate: null,
      costs: [],
    });
  });

  it('counts each message in exactly one bucket', () => {
    const messages = [
      message(),
      message({ kind: 'pending' }),
      message({ kind: 'pending' }),
      message({ kind: 'delivered' }),
      message({ kind: 'failed' }),
      message({ kind: 'unknown' }),
      message({ phase: 'not_found' }),
      message({ phase: 'gave_up', kind: 'pending' }),
    ];
    const totals = summarize(messages);
    expect(totals.total).toBe(8);
    expect(totals.counts).toEqual({
      unchecked: 1,
      pending: 2,
      delivered: 1,
      failed: 1,
      unknown: 1,
      not_found: 1,
      gave_up: 1,
    });
  });

  it('computes the delivery rate over final messages only', () => {
    const messages = [
      message({ kind: 'delivered' }),
      message({ kind: 'delivered' }),
      message({ kind: 'delivered' }),
      message({ kind: 'failed' }),
      message({ kind: 'pending' }),
      message({ phase: 'gave_up' }),
      message(),
    ];
    expect(summarize(messages).deliveryRate).toBe(0.75);
  });

  it('has no delivery rate while nothing is final', () => {
    expect(summarize([message({ kind: 'pending' }), message({ kind: 'unknown' })]).deliveryRate).toBeNull();
  });

  it('gives a rate of 0 when every final message failed', () => {
    expect(summarize([message({ kind: 'failed' }), message({ kind: 'pending' })]).deliveryRate).toBe(0);
  });

  it('counts overdue messages', () => {
    const messages = [message({ overdue: true }), message({ kind: 'pending', overdue: true }), message()];
    expect(summarize(messages).overdue).toBe(2);
  });

  it('sums charges per currency, exactly, with unknown currency last', () => {
    const messages = [
      message({ kind: 'delivered', charge: usd(0.1) }),
      message({ kind: 'delivered', charge: usd(0.2) }),
      message({ kind: 'failed', charge: usd(0) }),
      message({ kind: 'delivered', charge: { amount: 1.25, currency: 'uah' } }),
      message({ kind: 'delivered', charge: { amount: 0.05, currency: null } }),
      message({ kind: 'pending' }),
      message(),
    ];
    expect(summarize(messages).costs).toEqual([
      { currency: 'UAH', amount: 1.25, count: 1 },
      { currency: 'USD', amount: 0.3, count: 3 },
      { currency: null, amount: 0.05, count: 1 },
    ]);
  });

  it('keeps counts consistent for any mix of messages', () => {
    const anyMessage = fc
      .record({
        phase: fc.constantFrom<WatchPhase>('watching', 'final', 'not_found', 'gave_up'),
        kind: fc.constantFrom<StatusKind | null>(null, 'pending', 'delivered', 'failed', 'unknown'),
        overdue: fc.boolean(),
      })
      .map((options) => message(options));
    fc.assert(
      fc.property(fc.array(anyMessage, { maxLength: 50 }), (messages) => {
        const totals = summarize(messages);
        const counted = MESSAGE_BUCKETS.reduce((sum, bucket) => sum + totals.counts[bucket], 0);
        expect(counted).toBe(messages.length);
        expect(totals.total).toBe(messages.length);
        for (const bucket of MESSAGE_BUCKETS) {
          expect(totals.counts[bucket]).toBe(messages.filter((m) => bucketOf(m) === bucket).length);
        }
        if (totals.deliveryRate !== null) {
          expect(totals.deliveryRate).toBeGreaterThanOrEqual(0);
          expect(totals.deliveryRate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('summarizeByLabel', () => {
  it('gives totals per label, sorted by label, unlabelled last', () => {
    const messages = [
      message({ label: 'otp', kind: 'delivered', charge: usd(0.05) }),
      message({ kind: 'pending' }),
      message({ label: 'campaign 10', kind: 'failed' }),
      message({ label: 'campaign 2', kind: 'delivered' }),
      message({ label: 'otp', kind: 'failed', overdue: true, charge: usd(0.05) }),
    ];
    const byLabel = summarizeByLabel(messages);
    expect(byLabel.map((l) => l.label)).toEqual(['campaign 2', 'campaign 10', 'otp', null]);
    const otp = byLabel.find((l) => l.label === 'otp')?.totals;
    expect(otp?.total).toBe(2);
    expect(otp?.counts.delivered).toBe(1);
    expect(otp?.counts.failed).toBe(1);
    expect(otp?.overdue).toBe(1);
    expect(otp?.deliveryRate).toBe(0.5);
    expect(otp?.costs).toEqual([{ currency: 'USD', amount: 0.1, count: 2 }]);
    expect(byLabel.at(-1)?.totals.counts.pending).toBe(1);
  });

  it('returns nothing for an empty list', () => {
    expect(summarizeByLabel([])).toEqual([]);
  });

  it('adds up, label by label, to the overall totals', () => {
    const labels = ['a', 'b', 'B', null] as const;
    const messages = Array.from({ length: 1000 }, (_, i) =>
      message({
        label: labels[i % labels.length] ?? null,
        kind: (['pending', 'delivered', 'failed', 'unknown', null] as const)[i % 5] ?? null,
        charge: usd(0.01),
        overdue: i % 7 === 0,
      }),
    );
    const overall = summarize(messages);
    const byLabel = summarizeByLabel(messages);
    expect(byLabel).toHaveLength(4);
    expect(byLabel.reduce((sum, l) => sum + l.totals.total, 0)).toBe(overall.total);
    expect(byLabel.reduce((sum, l) => sum + l.totals.overdue, 0)).toBe(overall.overdue);
    for (const bucket of MESSAGE_BUCKETS) {
      expect(byLabel.reduce((sum, l) => sum + l.totals.counts[bucket], 0)).toBe(overall.counts[bucket]);
    }
    for (const { label, totals } of byLabel) {
      expect(totals).toEqual(summarize(messages.filter((m) => m.label === label)));
    }
  });

  it('handles 100,000 messages', () => {
    const messages = Array.from({ length: 100_000 }, (_, i) =>
      message({ label: `batch ${i % 50}`, kind: 'delivered', charge: usd(0.05) }),
    );
    const byLabel = summarizeByLabel(messages);
    expect(byLabel).toHaveLength(50);
    expect(byLabel[0]?.label).toBe('batch 0');
    expect(byLabel[0]?.totals.costs).toEqual([{ currency: 'USD', amount: 100, count: 2000 }]);
  });
});

describe('deliveryRateView', () => {
  const withFinals = (delivered: number, failed: number) =>
    summarize([
      ...Array.from({ length: delivered }, (_, i) => message({ id: `d-${i}`, kind: 'delivered' })),
      ...Array.from({ length: failed }, (_, i) => message({ id: `f-${i}`, kind: 'failed' })),
      message({ id: 'on-its-way', kind: 'pending' }),
    ]);

  it('says nothing while no message is final', () => {
    expect(deliveryRateView(withFinals(0, 0))).toEqual({ kind: 'none' });
  });

  it('gives counts, not a percentage, until MIN_FINAL_FOR_RATE messages are final', () => {
    expect(MIN_FINAL_FOR_RATE).toBe(20);
    expect(deliveryRateView(withFinals(1, 0))).toEqual({ kind: 'count', delivered: 1, final: 1 });
    expect(deliveryRateView(withFinals(MIN_FINAL_FOR_RATE - 2, 1))).toEqual({
      kind: 'count',
      delivered: MIN_FINAL_FOR_RATE - 2,
      final: MIN_FINAL_FOR_RATE - 1,
    });
    expect(deliveryRateView(withFinals(MIN_FINAL_FOR_RATE - 1, 1))).toEqual({
      kind: 'rate',
      rate: (MIN_FINAL_FOR_RATE - 1) / MIN_FINAL_FOR_RATE,
    });
    expect(deliveryRateView(withFinals(MIN_FINAL_FOR_RATE, 1))).toEqual({
      kind: 'rate',
      rate: MIN_FINAL_FOR_RATE / (MIN_FINAL_FOR_RATE + 1),
    });
  });
});

describe('summarizeWithLabels', () => {
  it('gives the overall totals and the per-label ones from the same messages, so they always agree', () => {
    const messages = [
      message({ id: 'a', kind: 'delivered', label: 'x', charge: { amount: 0.5, currency: 'UAH' } }),
      message({ id: 'b', kind: 'failed', label: 'y', charge: { amount: 0.2, currency: 'UAH' } }),
      message({ id: 'c', kind: 'pending' }),
    ];
    const { totals, byLabel } = summarizeWithLabels(messages);
    expect(totals).toEqual(summarize(messages));
    expect(byLabel).toEqual(summarizeByLabel(messages));
    expect(byLabel.reduce((sum, item) => sum + item.totals.counts.delivered, 0)).toBe(
      totals.counts.delivered,
    );
  });
});
