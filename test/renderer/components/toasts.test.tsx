// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { messageView } from '../../fakes/message-views';
import { renderApp } from './render-app';

afterEach(cleanup);

describe('in-window notifications', () => {
  it('follow the language when it changes while they are on screen', async () => {
    const { fake } = renderApp({ messages: [messageView({ id: 'otp-1', statuses: ['delivered'] })] });
    await screen.findByRole('table', { name: 'Watched messages' });
    act(() => {
      fake.emit('notification', {
        title: 'Delivered',
        body: 'otp-1 — delivered',
        severity: 'success',
        messageIds: ['otp-1'],
        kind: 'delivered',
        items: [{ messageId: 'otp-1', label: null, kind: 'delivered', rawStatus: 'delivered' }],
        counts: { delivered: 1 },
      });
    });
    const region = screen.getByRole('region', { name: 'Notifications' });
    await waitFor(
      () => {
        expect(region.textContent).toContain('Delivered');
      },
      { timeout: 3000 },
    );
    act(() => {
      fake.emit('preferences', {
        theme: 'system',
        language: 'uk',
        notify: { delivered: true, failed: true, overdue: true },
      });
    });
    const ukRegion = await screen.findByRole('region', { name: 'Сповіщення' });
    await waitFor(() => {
      expect(within(ukRegion).getByText('Доставлено')).toBeDefined();
    });
    expect(ukRegion.textContent).not.toMatch(/Delivered/);
  });
});
