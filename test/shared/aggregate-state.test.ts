import { describe, expect, it } from 'vitest';
import {
  AGGREGATE_PRIORITY,
  aggregateMarks,
  aggregateState,
  type AggregateKind,
} from '../../shared/aggregate-state';
import type { Blocker } from '../../shared/engine-health';
import { countMessages, NO_COUNTS, type WatchCounts } from '../../shared/watch-counts';
import { messageView, runningHealth } from '../fakes/message-views';

const delivered = messageView({ id: 'a', statuses: ['delivered'] });
const failed = messageView({ id: 'b', statuses: ['undeliverable'] });
const pending = messageView({ id: 'c', statuses: ['processing'] });

const BLOCKERS: Readonly<Record<Blocker['kind'], Blocker>> = {
  save_failed: { kind: 'save_failed', reason: 'disk_full', message: 'Cannot save the watch list: disk full' },
  credentials_rejected: { kind: 'credentials_rejected', message: '401' },
  wrong_base_url: { kind: 'wrong_base_url', baseUrl: 'https://example.test', message: 'HTML' },
  no_credentials: { kind: 'no_credentials' },
  offline: { kind: 'offline', since: 0, nextProbeAt: 1, message: 'down' },
  rate_limited: { kind: 'rate_limited', until: 1, message: '429' },
};

function counts(overrides: Partial<WatchCounts>): WatchCounts {
  return { ...NO_COUNTS, ...overrides };
}

function kindOf(blocker: Blocker | null, watchCounts: WatchCounts): AggregateKind {
  return aggregateState({ health: runningHealth(1, { blocker }), counts: watchCounts }).kind;
}

describe('aggregateState', () => {
  it('says nothing is watched for an empty list', () => {
    expect(aggregateState({ health: runningHealth(), counts: countMessages([]) })).toEqual({
      kind: 'empty',
      count: 0,
      severity: 'idle',
    });
  });

  it('counts unacknowledged failures, and failures win over watching', () => {
    const state = aggregateState({
      health: runningHealth(1),
      counts: countMessages([delivered, failed, pending]),
    });
    expect(state).toEqual({ kind: 'failed', count: 1, severity: 'error' });
  });

  it('stops counting a failure once a person acknowledged it', () => {
    const state = aggregateState({
      health: runningHealth(1),
      counts: countMessages([delivered, { ...failed, acknowledged: true }, pending]),
    });
    expect(state).toEqual({ kind: 'watching', count: 1, severity: 'active' });
  });

  it('puts every blocker that stops checks altogether above failures, and rate limiting below overdue', () => {
    const news = counts({ total: 2, unacknowledgedFailures: 1, overdue: 1, watching: 1 });
    expect(kindOf(BLOCKERS.credentials_rejected, news)).toBe('credentials_rejected');
    expect(kindOf(BLOCKERS.wrong_base_url, news)).toBe('wrong_base_url');
    expect(kindOf(BLOCKERS.no_credentials, news)).toBe('no_credentials');
    expect(kindOf(BLOCKERS.offline, news)).toBe('offline');
    expect(kindOf(BLOCKERS.rate_limited, news)).toBe('failed');
    expect(kindOf(BLOCKERS.rate_limited, counts({ total: 1, overdue: 1, watching: 1 }))).toBe('overdue');
    expect(kindOf(BLOCKERS.rate_limited, counts({ total: 1, watching: 1 }))).toBe('rate_limited');
    expect(kindOf(BLOCKERS.rate_limited, NO_COUNTS)).toBe('rate_limited');
  });

  it('applies each per-message rule from exactly one message (0 does not, 1 does, 2 counts 2)', () => {
    const base = { health: runningHealth(1) };
    const rules: readonly [AggregateKind, keyof WatchCounts][] = [
      ['failed', 'unacknowledgedFailures'],
      ['overdue', 'overdue'],
      ['watching', 'watching'],
    ];
    for (const [kind, field] of rules) {
      for (const n of [0, 1, 2]) {
        const state = aggregateState({ ...base, counts: counts({ total: 2, watching: 0, [field]: n }) });
        if (n === 0) expect(state.kind).not.toBe(kind);
        else expect(state).toMatchObject({ kind, count: n });
      }
    }
  });

  it('is all final only when not one message is still watched', () => {
    const health = runningHealth();
    expect(aggregateState({ health, counts: counts({ total: 3, watching: 0 }) })).toEqual({
      kind: 'all_final',
      count: 3,
      severity: 'ok',
    });
    expect(aggregateState({ health, counts: counts({ total: 3, watching: 1 }) }).kind).toBe('watching');
    expect(aggregateState({ health, counts: counts({ total: 1, watching: 0 }) }).kind).toBe('all_final');
    expect(aggregateState({ health, counts: counts({ total: 0, watching: 0 }) }).kind).toBe('empty');
  });

  it('counts overdue and given-up messages as overdue', () => {
    const overdue = messageView({ id: 'd', statuses: ['processing'], overdue: true });
    const gaveUp = messageView({ id: 'e', statuses: ['processing'], phase: 'gave_up' });
    expect(
      aggregateState({ health: runningHealth(1), counts: countMessages([overdue, gaveUp, delivered]) }),
    ).toEqual({ kind: 'overdue', count: 2, severity: 'warning' });
  });

  it('keeps showing failures while paused: pausing is a mark, not a state', () => {
    const health = runningHealth(1, { mode: 'paused' });
    expect(aggregateState({ health, counts: countMessages([failed, pending]) }).kind).toBe('failed');
    expect(aggregateMarks(health, false, false)).toEqual({ paused: true, snoozed: false, demo: false });
    expect(aggregateMarks(runningHealth(1), true, true)).toEqual({
      paused: false,
      snoozed: true,
      demo: true,
    });
  });

  it('lists every kind once in its priority table, worst first', () => {
    expect(new Set(AGGREGATE_PRIORITY).size).toBe(AGGREGATE_PRIORITY.length);
    expect(AGGREGATE_PRIORITY.indexOf('offline')).toBeLessThan(AGGREGATE_PRIORITY.indexOf('failed'));
    expect(AGGREGATE_PRIORITY.indexOf('failed')).toBeLessThan(AGGREGATE_PRIORITY.indexOf('overdue'));
    expect(AGGREGATE_PRIORITY.indexOf('overdue')).toBeLessThan(AGGREGATE_PRIORITY.indexOf('watching'));
    expect(AGGREGATE_PRIORITY.indexOf('watching')).toBeLessThan(AGGREGATE_PRIORITY.indexOf('all_final'));
    expect(AGGREGATE_PRIORITY.at(-1)).toBe('empty');
  });
});
