// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationEvent } from '../../../shared/contract';
import { messageView } from '../../fakes/message-views';
import { renderApp } from './render-app';

afterEach(cleanup);

const messages = [
  messageView({ id: 'bf-1', label: 'Black Friday', statuses: ['delivered'] }),
  messageView({ id: 'bf-2', label: 'Black Friday', statuses: ['undeliverable'] }),
  messageView({ id: 'otp-1', label: 'OTP', statuses: ['undeliverable'] }),
  messageView({ id: 'otp-2', label: 'OTP', statuses: ['processing'] }),
];

function rowIds(): string[] {
  const table = screen.getByRole('table', { name: 'Watched messages' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.cell--id .mono')?.textContent ?? '');
}

const delivered: NotificationEvent = {
  title: 'Delivered',
  body: 'bf-1 — delivered',
  severity: 'success',
  messageIds: ['bf-1'],
  kind: 'delivered',
  items: [{ messageId: 'bf-1', label: 'Black Friday', kind: 'delivered', rawStatus: 'delivered' }],
  counts: { delivered: 1 },
};

describe('a click on a notification or a tray change', () => {
  it('opens the window on that message, clearing a filter that hid it', async () => {
    const { fake, user } = renderApp({ messages });
    const totals = await screen.findByRole('region', { name: 'Totals' });
    await user.click(within(totals).getByRole('button', { name: /Delivered\s*1/ }));
    expect(rowIds()).toEqual(['bf-1']);
    act(() => {
      fake.emit('reveal', { messageId: 'otp-2' });
    });
    expect(await screen.findByRole('complementary', { name: 'Message details: otp-2' })).toBeTruthy();
    expect(rowIds()).toHaveLength(4);
  });

  it('shows the list filtered to what a summary covered', async () => {
    const { fake } = renderApp({ messages });
    await screen.findByRole('table', { name: 'Watched messages' });
    act(() => {
      fake.emit('reveal', { filter: { label: 'Black Friday', buckets: ['failed'] } });
    });
    // The list follows its filter through a deferred value: on a busy machine it may take another render.
    await waitFor(() => {
      expect(rowIds()).toEqual(['bf-2']);
    });
    act(() => {
      fake.emit('reveal', { filter: { buckets: ['failed'] } });
    });
    await waitFor(() => {
      expect(rowIds().sort()).toEqual(['bf-2', 'otp-1']);
    });
  });
});

describe('who shows notifications', () => {
  it('shows no toast where the host shows notifications itself, and toasts where it says so', async () => {
    const { fake } = renderApp({ messages });
    await screen.findByRole('table', { name: 'Watched messages' });
    const region = screen.getByRole('region', { name: 'Notifications' });
    act(() => {
      fake.emit('capabilities', { notifications: 'host' });
      fake.emit('notification', delivered);
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(region.textContent).not.toContain('Delivered');
    act(() => {
      fake.emit('capabilities', { notifications: 'toasts' });
      fake.emit('notification', delivered);
    });
    expect(await within(region).findByText('Delivered', {}, { timeout: 3000 })).toBeTruthy();
  });
});
