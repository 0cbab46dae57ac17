import type { MessageFacts } from './message';
import { MoneyTotals, type CurrencyTotal } from './money';

/** The one bucket a watched message is counted in: its status kind, or where its watch ended without one. */
export type MessageBucket =
  'unchecked' | 'pending' | 'delivered' | 'failed' | 'unknown' | 'not_found' | 'gave_up';

/** Every bucket, in the order people read them: not yet checked, on its way, settled, then the odd cases. */
export const MESSAGE_BUCKETS: readonly MessageBucket[] = [
  'unchecked',
  'pending',
  'delivered',
  'failed',
  'unknown',
  'not_found',
  'gave_up',
];

/** Counts, cost and delivery rate over a set of watched messages (the window, the tray and the CLI show these). */
export interface Totals {
  readonly total: number;
  /** How many messages are in each bucket; every message is in exactly one. */
  readonly counts: Readonly<Record<MessageBucket, number>>;
  /** How many messages passed their deadline without a final status. */
  readonly overdue: number;
  /** delivered / (delivered + failed), from 0 to 1; null while no message has a final status. */
  readonly deliveryRate: number | null;
  /** What the messages cost, per currency, with "currency unknown" last. */
  readonly costs: readonly CurrencyTotal[];
}

/** The totals of the messages sharing one label; `label` is null for unlabelled messages. */
export interface LabelTotals {
  readonly label: string | null;
  readonly totals: Totals;
}

/** Picks the bucket of a message: a watch that ended (not found, gave up) wins over its last status. */
export function bucketOf(message: MessageFacts): MessageBucket {
  if (message.phase === 'not_found') return 'not_found';
  if (message.phase === 'gave_up') return 'gave_up';
  if (message.snapshot === null) return 'unchecked';
  return message.snapshot.kind;
}

/** A running tally that messages are added to one at a time. */
class Tally {
  total = 0;
  overdue = 0;
  readonly counts: Record<MessageBucket, number> = {
    unchecked: 0,
    pending: 0,
    delivered: 0,
    failed: 0,
    unknown: 0,
    not_found: 0,
    gave_up: 0,
  };
  readonly costs = new MoneyTotals();

  /** Counts one message in its bucket, as overdue if it is, and adds its charge to the costs. */
  add(message: MessageFacts): void {
    this.total += 1;
    this.counts[bucketOf(message)] += 1;
    if (message.overdue) this.overdue += 1;
    const charge = message.snapshot?.charge ?? null;
    if (charge !== null) this.costs.add(charge);
  }

  /** The finished, immutable totals. */
  toTotals(): Totals {
    return {
      total: this.total,
      counts: { ...this.counts },
      overdue: this.overdue,
      deliveryRate: deliveryRate(this.counts.delivered, this.counts.failed),
      costs: this.costs.totals(),
    };
  }
}

/** delivered / (delivered + failed), or null when nothing is final yet. */
function deliveryRate(delivered: number, failed: number): number | null {
  const final = delivered + failed;
  return final === 0 ? null : delivered / final;
}

/** Totals over all the given messages: counts per bucket, overdue, delivery rate and cost per currency. */
export function summarize(messages: readonly MessageFacts[]): Totals {
  const tally = new Tally();
  for (const message of messages) tally.add(message);
  return tally.toTotals();
}

const labelCollator = new Intl.Collator('en', { numeric: true });

/** Orders labels for people (case-aware, "batch 2" before "batch 10"), with unlabelled (null) last. */
function compareLabels(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return labelCollator.compare(a, b) || (a < b ? -1 : 1);
}

/** Totals per label in a single pass, sorted by label with unlabelled messages last. */
export function summarizeByLabel(messages: readonly MessageFacts[]): readonly LabelTotals[] {
  return summarizeWithLabels(messages).byLabel;
}

/** Overall totals and totals per label, from the same messages (one pass each, never two sources that drift). */
export interface TotalsWithLabels {
  readonly totals: Totals;
  readonly byLabel: readonly LabelTotals[];
}

/**
 * Overall and per-label totals of the same messages in one pass, so that their counts, costs and rates always
 * agree; labels sorted with unlabelled messages last.
 */
export function summarizeWithLabels(messages: readonly MessageFacts[]): TotalsWithLabels {
  const overall = new Tally();
  const tallies = new Map<string | null, Tally>();
  for (const message of messages) {
    overall.add(message);
    let tally = tallies.get(message.label);
    if (tally === undefined) {
      tally = new Tally();
      tallies.set(message.label, tally);
    }
    tally.add(message);
  }
  const byLabel = [...tallies]
    .sort(([a], [b]) => compareLabels(a, b))
    .map(([label, tally]) => ({ label, totals: tally.toTotals() }));
  return { totals: overall.toTotals(), byLabel };
}

/**
 * How many messages must be final before the delivery rate is given as a percentage: with fewer, "100%" from one
 * final message reads as a fact, so the window says "1 of 1 final delivered" instead.
 */
export const MIN_FINAL_FOR_RATE = 20;

/** How to show a delivery rate: nothing yet, counts while few messages are final, or the rate (0..1). */
export type DeliveryRateView =
  | { readonly kind: 'none' }
  | { readonly kind: 'count'; readonly delivered: number; readonly final: number }
  | { readonly kind: 'rate'; readonly rate: number };

/** The delivery rate of `totals` as people should read it (see {@link MIN_FINAL_FOR_RATE}). */
export function deliveryRateView(totals: Totals): DeliveryRateView {
  const delivered = totals.counts.delivered;
  const final = delivered + totals.counts.failed;
  if (final === 0) return { kind: 'none' };
  if (final < MIN_FINAL_FOR_RATE) return { kind: 'count', delivered, final };
  return { kind: 'rate', rate: delivered / final };
}
