import { describe, expect, it } from 'vitest';
import type { NotificationEvent } from '../../../shared/contract';
import { batchNotifications } from '../../../renderer/src/logic/notification-batch';

const event = (id: string, severity: NotificationEvent['severity']): NotificationEvent => ({
  title: severity === 'error' ? 'Failed' : 'Delivered',
  body: id,
  severity,
  messageIds: [id],
});

describe('batchNotifications', () => {
  it('shows one notification as it is, and nothing for none', () => {
    expect(batchNotifications([event('a', 'success')])).toEqual({
      kind: 'single',
      event: event('a', 'success'),
    });
    expect(batchNotifications([])).toBeNull();
  });

  it('folds a burst into one summary with the worst severity and the latest lines', () => {
    const burst = [event('a', 'success'), event('b', 'error'), event('c', 'success'), event('d', 'success')];
    expect(batchNotifications(burst, 2)).toEqual({
      kind: 'summary',
      count: 4,
      severity: 'error',
      lines: ['c', 'd'],
    });
  });
});
