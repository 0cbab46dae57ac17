import { describe, expect, it } from 'vitest';
import type { MessageEvent } from '../../../shared/engine-api';
import type { MessageEventKind } from '../../../shared/glossary';
import { decideNotifications } from '../../../electron/host/notifications';

const all = { delivered: true, failed: true, overdue: true };

function event(kind: MessageEventKind, messageId: string, rawStatus: string | null = null): MessageEvent {
  return { kind, messageId, at: 1, label: null, rawStatus, previousRawStatus: null };
}

describe('which notification to show', () => {
  it('shows one per message when a few change', () => {
    const shown = decideNotifications(
      [event('delivered', 'a', 'delivered'), event('failed', 'b', 'undeliverable')],
      all,
    );
    expect(shown).toEqual([
      {
        title: 'Delivered',
        body: 'a — delivered',
        severity: 'success',
        messageIds: ['a'],
        kind: 'delivered',
        items: [{ messageId: 'a', label: null, kind: 'delivered', rawStatus: 'delivered' }],
        counts: { delivered: 1 },
      },
      {
        title: 'Failed',
        body: 'b — undeliverable',
        severity: 'error',
        messageIds: ['b'],
        kind: 'failed',
        items: [{ messageId: 'b', label: null, kind: 'failed', rawStatus: 'undeliverable' }],
        counts: { failed: 1 },
      },
    ]);
  });

  it('names the label when there is one', () => {
    const labelled = { ...event('overdue', 'otp-1'), label: 'Login codes' };
    const [shown] = decideNotifications([labelled], all);
    expect(shown?.body).toBe('otp-1 (Login codes)');
    expect(shown?.items).toEqual([
      { messageId: 'otp-1', label: 'Login codes', kind: 'overdue', rawStatus: null },
    ]);
  });

  it('shows one summary, with the worst severity, when many change at once', () => {
    const events = [
      ...['a', 'b', 'c'].map((id) => event('delivered', id)),
      event('failed', 'd'),
      event('overdue', 'e'),
    ];
    expect(decideNotifications(events, all)).toEqual([
      {
        title: '5 messages changed',
        body: '3 delivered, 1 failed, 1 overdue',
        severity: 'error',
        messageIds: ['a', 'b', 'c', 'd', 'e'],
        kind: 'summary',
        items: [
          ...['a', 'b', 'c'].map((id) => ({
            messageId: id,
            label: null,
            kind: 'delivered',
            rawStatus: null,
          })),
          { messageId: 'd', label: null, kind: 'failed', rawStatus: null },
          { messageId: 'e', label: null, kind: 'overdue', rawStatus: null },
        ],
        counts: { delivered: 3, failed: 1, overdue: 1 },
      },
    ]);
  });

  it('follows the notify preferences', () => {
    const events = [
      event('delivered', 'a'),
      event('delivered_late', 'b'),
      event('not_found', 'c'),
      event('overdue', 'd'),
    ];
    expect(
      decideNotifications(events, { delivered: false, failed: true, overdue: false }).map((n) => n.title),
    ).toEqual(['Not found']);
    expect(decideNotifications(events, { delivered: false, failed: false, overdue: false })).toEqual([]);
  });

  it('never notifies about a status on the way or a failed check', () => {
    expect(decideNotifications([event('status_changed', 'a'), event('check_failed', 'b')], all)).toEqual([]);
  });

  it('counts a message once, by its last event in the change', () => {
    const shown = decideNotifications([event('overdue', 'a'), event('delivered_late', 'a')], all);
    expect(shown).toEqual([
      {
        title: 'Delivered late',
        body: 'a',
        severity: 'warning',
        messageIds: ['a'],
        kind: 'delivered_late',
        items: [{ messageId: 'a', label: null, kind: 'delivered_late', rawStatus: null }],
        counts: { delivered_late: 1 },
      },
    ]);
  });
});
