import { describe, expect, it } from 'vitest';
import { mayAskPermission, notificationRoute } from '../../../renderer/src/logic/notification-route';
import { revealedView } from '../../../renderer/src/logic/reveal';

describe('notification route', () => {
  it('stays quiet where the host shows notifications, whatever the permission', () => {
    expect(notificationRoute('host', 'granted')).toBe('none');
    expect(notificationRoute('host', 'default')).toBe('none');
    expect(mayAskPermission('host', 'default')).toBe(false);
  });

  it('uses toasts only where the host says so, even with the web API allowed', () => {
    expect(notificationRoute('toasts', 'granted')).toBe('toast');
    expect(mayAskPermission('toasts', 'default')).toBe(false);
  });

  it('uses the web API in a browser where allowed, toasts otherwise', () => {
    expect(notificationRoute('window', 'granted')).toBe('web');
    expect(notificationRoute('window', 'denied')).toBe('toast');
    expect(notificationRoute('window', 'unsupported')).toBe('toast');
    expect(notificationRoute(null, 'granted')).toBe('web');
    expect(mayAskPermission('window', 'default')).toBe(true);
    expect(mayAskPermission('window', 'denied')).toBe(false);
  });
});

describe('revealedView', () => {
  it('clears the filter and opens one message', () => {
    const view = revealedView({ messageId: 'a' });
    expect(view.messageId).toBe('a');
    expect(view.filter.buckets.size).toBe(0);
    expect(view.filter.label).toBeUndefined();
  });

  it('filters to a label (also "unlabelled") and buckets', () => {
    const view = revealedView({ filter: { label: null, buckets: ['failed', 'not_found'] } });
    expect(view.messageId).toBeNull();
    expect(view.filter.label).toBeNull();
    expect([...view.filter.buckets]).toEqual(['failed', 'not_found']);
  });
});
