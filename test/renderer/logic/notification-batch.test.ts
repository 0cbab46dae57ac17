import { describe, expect, it } from 'vitest';
import type { NotificationEvent, NotificationItem } from '../../../shared/contract';
import type { MessageEventKind } from '../../../shared/glossary';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { batchNotifications } from '../../../shared/notification-batch';
import { notificationText } from '../../../renderer/src/logic/notification-text';

const item = (id: string, kind: MessageEventKind, rawStatus: string | null = null): NotificationItem => ({
  messageId: id,
  label: null,
  kind,
  rawStatus,
});

const event = (id: string, kind: MessageEventKind, rawStatus: string | null = null): NotificationEvent => ({
  title: 'English for the OS',
  body: id,
  severity: kind === 'failed' ? 'error' : 'success',
  messageIds: [id],
  kind,
  items: [item(id, kind, rawStatus)],
  counts: { [kind]: 1 },
});

describe('batchNotifications', () => {
  it('shows one message as it is, and nothing for none', () => {
    expect(batchNotifications([event('a', 'delivered', 'DELIVERED')])).toEqual({
      kind: 'single',
      item: item('a', 'delivered', 'DELIVERED'),
      severity: 'success',
    });
    expect(batchNotifications([])).toBeNull();
  });

  it('folds a burst into one summary with the worst severity, counts per kind and the latest messages', () => {
    const burst = [
      event('a', 'delivered'),
      event('b', 'failed'),
      event('c', 'delivered'),
      event('d', 'delivered'),
    ];
    expect(batchNotifications(burst, 2)).toEqual({
      kind: 'summary',
      count: 4,
      severity: 'error',
      counts: { delivered: 3, failed: 1 },
      latest: [item('c', 'delivered'), item('d', 'delivered')],
      items: [item('a', 'delivered'), item('b', 'failed'), item('c', 'delivered'), item('d', 'delivered')],
    });
  });

  it('counts a message once, by its last event', () => {
    const display = batchNotifications([event('a', 'overdue'), event('a', 'delivered_late')]);
    expect(display).toEqual({ kind: 'single', item: item('a', 'delivered_late'), severity: 'success' });
  });
});

describe('notification words', () => {
  it('reads a delivered message in Ukrainian, with the status word translated', () => {
    const { t } = createI18n('uk');
    const display = batchNotifications([event('otp-1', 'delivered', 'DELIVERED')]);
    expect(display && notificationText(display, t)).toEqual({
      title: 'Доставлено',
      body: 'otp-1 — доставлено',
    });
  });

  it('reads a summary in Ukrainian with the plural forms of the count', () => {
    const { t } = createI18n('uk');
    const two = batchNotifications([event('a', 'delivered'), event('b', 'failed')]);
    expect(two && notificationText(two, t).title).toBe('2 повідомлення змінили стан');
    const burst = ['a', 'b', 'c', 'd'].map((id) => event(id, 'delivered'));
    const five = batchNotifications([...burst, event('e', 'overdue')]);
    const text = five && notificationText(five, t);
    expect(text?.title).toBe('5 повідомлень змінили стан');
    expect(text?.body.split('\n')).toEqual([
      '4 доставлено, 1 прострочене',
      'c — Доставлено',
      'd — Доставлено',
      'e — Прострочено',
      '…',
    ]);
    const one = batchNotifications([
      event('a', 'delivered'),
      { ...event('b', 'failed'), items: [], counts: {} },
    ]);
    expect(one && notificationText(one, t).title).toBe('Доставлено');
  });

  it('reads the same facts in English', () => {
    const { t } = createI18n('en');
    const display = batchNotifications([
      event('a', 'delivered'),
      event('b', 'failed'),
      event('c', 'gave_up'),
    ]);
    expect(display && notificationText(display, t)).toEqual({
      title: '3 messages changed',
      body: '1 delivered, 1 failed, 1 given up\na — Delivered\nb — Failed\nc — Gave up',
    });
  });
});
