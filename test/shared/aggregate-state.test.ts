import { describe, expect, it } from 'vitest';
import { AGGREGATE_PRIORITY, aggregateState } from '../../shared/aggregate-state';
import { messageView, runningHealth } from '../fakes/message-views';

const delivered = messageView({ id: 'a', statuses: ['delivered'] });
const failed = messageView({ id: 'b', statuses: ['undeliverable'] });
const pending = messageView({ id: 'c', statuses: ['processing'] });

describe('aggregateState', () => {
  it('says nothing is watched for an empty list', () => {
    expect(aggregateState({ health: runningHealth(), messages: [] })).toEqual({
      kind: 'empty',
      count: 0,
      severity: 'idle',
    });
  });

  it('counts unacknowledged failures, and failures win over watching', () => {
    const state = aggregateState({ health: runningHealth(1), messages: [delivered, failed, pending] });
    expect(state).toEqual({ kind: 'failed', count: 1, severity: 'error' });
  });

  it('stops counting a failure once a person acknowledged it', () => {
    const state = aggregateState({
      health: runningHealth(1),
      messages: [delivered, { ...failed, acknowledged: true }, pending],
    });
    expect(state).toEqual({ kind: 'watching', count: 1, severity: 'active' });
  });

  it('puts a credentials blocker above any failure', () => {
    const health = runningHealth(1, { blocker: { kind: 'credentials_rejected', message: '401' } });
    expect(aggregateState({ health, messages: [failed, pending] }).kind).toBe('credentials_rejected');
  });

  it('puts failures above being offline or rate limited', () => {
    const offline = runningHealth(1, {
      blocker: { kind: 'offline', since: 0, nextProbeAt: 1, message: 'down' },
    });
    expect(aggregateState({ health: offline, messages: [failed] }).kind).toBe('failed');
    expect(aggregateState({ health: offline, messages: [pending] }).kind).toBe('offline');
  });

  it('counts overdue and given-up messages as overdue', () => {
    const overdue = messageView({ id: 'd', statuses: ['processing'], overdue: true });
    const gaveUp = messageView({ id: 'e', statuses: ['processing'], phase: 'gave_up' });
    expect(aggregateState({ health: runningHealth(1), messages: [overdue, gaveUp, delivered] })).toEqual({
      kind: 'overdue',
      count: 2,
      severity: 'warning',
    });
  });

  it('says all settled when nothing is still watched', () => {
    expect(aggregateState({ health: runningHealth(), messages: [delivered] })).toEqual({
      kind: 'all_final',
      count: 1,
      severity: 'ok',
    });
  });

  it('lists every kind once in its priority table', () => {
    expect(new Set(AGGREGATE_PRIORITY).size).toBe(AGGREGATE_PRIORITY.length);
  });
});
