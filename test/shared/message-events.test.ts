import { describe, expect, it } from 'vitest';
import type { WatchedMessage } from '../../shared/message';
import { messageEvents } from '../../shared/message-events';
import { snapshotOf } from '../fakes/scripted-status-client';

const T0 = Date.UTC(2026, 0, 1);

function record(overrides: Partial<WatchedMessage> = {}): WatchedMessage {
  return {
    id: 'm1',
    label: 'OTP',
    phase: 'watching',
    snapshot: null,
    history: [],
    addedAt: T0,
    lastCheckedAt: null,
    lastChangedAt: null,
    deadlineAt: null,
    overdue: false,
    lastError: null,
    ...overrides,
  };
}

function withStatus(raw: string, at: number, overrides: Partial<WatchedMessage> = {}): WatchedMessage {
  const snapshot = snapshotOf('m1', raw);
  return record({
    snapshot,
    phase: snapshot.kind === 'delivered' || snapshot.kind === 'failed' ? 'final' : 'watching',
    lastCheckedAt: at,
    lastChangedAt: at,
    ...overrides,
  });
}

const kinds = (before: WatchedMessage | null, after: WatchedMessage, at = T0 + 9_000) =>
  messageEvents(before, after, at).map((event) => event.kind);

describe('messageEvents', () => {
  it('emits nothing for a check that changes nothing, or for a message just put on the list', () => {
    const seen = withStatus('processing', T0 + 1_000);
    expect(kinds(seen, { ...seen, lastCheckedAt: T0 + 8_000 })).toEqual([]);
    expect(kinds(null, record())).toEqual([]);
  });

  it('reports a new non-final status with the status before it', () => {
    const events = messageEvents(
      withStatus('scheduled', T0),
      withStatus('processing', T0 + 5_000),
      T0 + 5_000,
    );
    expect(events).toEqual([
      {
        kind: 'status_changed',
        messageId: 'm1',
        at: T0 + 5_000,
        label: 'OTP',
        rawStatus: 'processing',
        previousRawStatus: 'scheduled',
      },
    ]);
  });

  it('tells delivered, failed and delivered after the deadline apart', () => {
    const before = withStatus('processing', T0, { deadlineAt: T0 + 30_000 });
    expect(kinds(before, withStatus('delivered', T0 + 20_000, { deadlineAt: T0 + 30_000 }))).toEqual([
      'delivered',
    ]);
    expect(kinds(before, withStatus('failed', T0 + 20_000, { deadlineAt: T0 + 30_000 }))).toEqual(['failed']);
    const late = withStatus('processing', T0, { deadlineAt: T0 + 30_000, overdue: true });
    expect(
      kinds(late, withStatus('delivered', T0 + 40_000, { deadlineAt: T0 + 30_000, overdue: true })),
    ).toEqual(['delivered_late']);
  });

  it('reports overdue once, and the end of a watch once', () => {
    const pending = withStatus('processing', T0);
    const overdue = { ...pending, overdue: true };
    expect(kinds(pending, overdue)).toEqual(['overdue']);
    expect(kinds(overdue, { ...overdue, lastCheckedAt: T0 + 60_000 })).toEqual([]);
    expect(kinds(pending, { ...pending, phase: 'gave_up' })).toEqual(['gave_up']);
    expect(kinds(record(), record({ phase: 'not_found' }))).toEqual(['not_found']);
    expect(kinds(record({ phase: 'not_found' }), record({ phase: 'not_found' }))).toEqual([]);
  });

  it('reports a failed check only when the kind of failure changes', () => {
    const network = record({
      lastError: { kind: 'network', message: 'refused', httpStatus: null, at: T0 + 1 },
    });
    const again = record({
      lastError: { kind: 'network', message: 'refused', httpStatus: null, at: T0 + 2 },
    });
    const server = record({ lastError: { kind: 'server', message: '503', httpStatus: 503, at: T0 + 3 } });
    expect(kinds(record(), network)).toEqual(['check_failed']);
    expect(kinds(network, again)).toEqual([]);
    expect(kinds(again, server)).toEqual(['check_failed']);
    expect(messageEvents(again, server, T0 + 9).map((event) => event.at)).toEqual([T0 + 3]);
  });
});
