import { describe, expect, it } from 'vitest';
import { classifyStatus } from '../../../../shared/status';
import { heldStatusAt, recordWithPushed } from '../../../../electron/core/webhook/apply-pushed';
import type { WebhookStatus } from '../../../../electron/core/webhook/webhook-payload';
import type { WatchRecord } from '../../../../electron/core/watch-list-store';
import { snapshotOf } from '../../../fakes/scripted-status-client';

const T = Date.UTC(2026, 0, 1, 12, 0, 0);

function watched(rawStatus: string | null, at: number, overrides: Partial<WatchRecord> = {}): WatchRecord {
  const snapshot = rawStatus === null ? null : snapshotOf('m-1', rawStatus);
  return {
    id: 'm-1',
    label: null,
    phase: snapshot !== null && snapshot.kind !== 'pending' && rawStatus !== 'sent' ? 'final' : 'watching',
    snapshot,
    history: snapshot === null ? [] : [{ at, rawStatus: snapshot.rawStatus, kind: snapshot.kind }],
    addedAt: T - 60_000,
    lastCheckedAt: snapshot === null ? null : at,
    lastChangedAt: snapshot === null ? null : at,
    deadlineAt: null,
    overdue: false,
    lastError: null,
    acknowledged: false,
    ...overrides,
  };
}

function pushed(rawStatus: string, at: number, cost: number | null = null): WebhookStatus {
  return { messageId: 'm-1', rawStatus, kind: classifyStatus(rawStatus), at, cost };
}

describe('applying a webhook to a watched message', () => {
  it('records a new status at SMSBAT time, marked as from a webhook, and ends the watch when final', () => {
    const result = recordWithPushed(watched('sent', T), pushed('delivered', T + 4_000, 0.05), 50);
    expect(result.outcome).toBe('applied');
    expect(result.record.phase).toBe('final');
    expect(result.record.snapshot).toMatchObject({
      rawStatus: 'delivered',
      charge: { amount: 0.05, currency: null },
    });
    expect(result.record.history.at(-1)).toEqual({
      at: T + 4_000,
      rawStatus: 'delivered',
      kind: 'delivered',
      source: 'webhook',
    });
    expect(result.record.lastChangedAt).toBe(T + 4_000);
    expect(result.record.lastCheckedAt).toBe(T);
  });

  it('gives a first status to a message never checked, with what a webhook does not carry unknown', () => {
    const result = recordWithPushed(watched(null, T), pushed('sent', T + 1_000), 50);
    expect(result.outcome).toBe('applied');
    expect(result.record.snapshot).toMatchObject({ rawStatus: 'sent', partsCount: null, charge: null });
    expect(result.record.phase).toBe('watching');
  });

  it('never downgrades a final status, however late the webhook says it is', () => {
    const record = watched('delivered', T);
    const result = recordWithPushed(record, pushed('sent', T + 60_000), 50);
    expect(result).toEqual({ outcome: 'final_kept', record });
  });

  it('changes nothing for a duplicate', () => {
    const record = watched('sent', T);
    expect(recordWithPushed(record, pushed('sent', T + 5), 50)).toEqual({ outcome: 'duplicate', record });
  });

  it('fills the charge of the status held from a repeated webhook with a cost, keeping a known currency', () => {
    const withCurrency = watched('delivered', T);
    const held = {
      ...withCurrency,
      snapshot: withCurrency.snapshot && { ...withCurrency.snapshot, charge: null },
    };
    const filled = recordWithPushed(held, pushed('delivered', T, 0.07), 50);
    expect(filled.outcome).toBe('cost_filled');
    expect(filled.record.snapshot?.charge).toEqual({ amount: 0.07, currency: null });
    expect(filled.record.history).toEqual(held.history);
    const known = {
      ...held,
      snapshot: held.snapshot && { ...held.snapshot, charge: { amount: 0.05, currency: 'UAH' } },
    };
    expect(recordWithPushed(known, pushed('delivered', T, 0.07), 50).outcome).toBe('duplicate');
    const changed = recordWithPushed(
      {
        ...watched('sent', T),
        snapshot: { ...snapshotOf('m-1', 'sent'), charge: { amount: 0, currency: 'UAH' } },
      },
      pushed('delivered', T + 1, 0.07),
      50,
    );
    expect(changed.record.snapshot?.charge).toEqual({ amount: 0.07, currency: 'UAH' });
  });

  it('ignores a pending status older than the one held, at the boundary: 1 ms older ignored, the same ms applied', () => {
    const record = watched('sent', T);
    expect(recordWithPushed(record, pushed('processing', T - 1), 50).outcome).toBe('older');
    expect(recordWithPushed(record, pushed('processing', T), 50).outcome).toBe('applied');
    expect(recordWithPushed(record, pushed('processing', T + 1), 50).outcome).toBe('applied');
  });

  it('takes a final status over a pending one even when its time is older than the poll that saw the pending one', () => {
    const result = recordWithPushed(watched('sent', T), pushed('delivered', T - 2_000), 50);
    expect(result.outcome).toBe('applied');
    expect(result.record.phase).toBe('final');
  });

  it('compares two finals by time: an older final does not replace a newer one', () => {
    const record = watched('delivered', T);
    expect(recordWithPushed(record, pushed('undeliverable', T - 1), 50).outcome).toBe('older');
    expect(recordWithPushed(record, pushed('undeliverable', T + 1), 50).outcome).toBe('applied');
  });

  it('takes only a final status for a message no longer watched', () => {
    const gaveUp = watched('sent', T, { phase: 'gave_up' });
    expect(recordWithPushed(gaveUp, pushed('processing', T + 1), 50).outcome).toBe('not_watched');
    const final = recordWithPushed(gaveUp, pushed('delivered', T + 1), 50);
    expect(final.outcome).toBe('applied');
    expect(final.record.phase).toBe('final');
  });

  it('keeps the history within its limit', () => {
    const result = recordWithPushed(watched('sent', T), pushed('delivered', T + 1), 1);
    expect(result.record.history).toHaveLength(1);
  });

  it('reads the time of the status held from its newest history entry, else its last change', () => {
    const record = watched('sent', T, {
      history: [
        { at: T - 10, rawStatus: 'sent', kind: 'pending' },
        { at: T - 5, rawStatus: 'processing', kind: 'pending' },
        { at: T, rawStatus: 'sent', kind: 'pending' },
      ],
    });
    expect(heldStatusAt(record)).toBe(T);
    expect(heldStatusAt({ ...record, history: [] })).toBe(T);
    expect(heldStatusAt(watched(null, T))).toBeNull();
  });
});
