// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView } from '../../../shared/engine-api';
import { messageView } from '../../fakes/message-views';
import { renderApp } from './render-app';

afterEach(cleanup);

/** SMSBAT's own example response: Viber delivered, the SMS fallback not used. */
function viberWithUnusedFallback(): MessageView {
  const view = messageView({
    id: 'abc123def456',
    statuses: ['delivered'],
    channels: [
      { channel: 'viber', status: 'delivered' },
      { channel: 'sms', status: 'not_used' },
    ],
  });
  if (view.snapshot === null) throw new Error('no snapshot');
  return { ...view, snapshot: { ...view.snapshot, fallbacks: [{ type: 'sms', status: 'not_used' }] } };
}

/** An id SMSBAT answered 404 for, checked again 30 s from now. */
function notFoundYet(): MessageView {
  const now = Date.now();
  return messageView({
    id: 'too-early-1',
    addedAt: now - 5_000,
    nextCheckAt: now + 30_000,
    error: {
      kind: 'not_found',
      message: 'SMSBAT does not know this message ID yet.',
      httpStatus: 404,
      at: now - 1_000,
    },
  });
}

async function openDetail(user: ReturnType<typeof renderApp>['user'], id: string, tableName: string) {
  const table = await screen.findByRole('table', { name: tableName });
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => candidate.textContent.includes(id));
  if (row === undefined) throw new Error(`no row for ${id}`);
  await user.click(row);
}

describe('the detail panel in SMSBAT words', () => {
  it('says a fallback that was not used in words, in English', async () => {
    const { user } = renderApp({ messages: [viberWithUnusedFallback()] });
    await openDetail(user, 'abc123def456', 'Watched messages');
    const panel = await screen.findByRole('complementary', { name: 'Message details: abc123def456' });
    expect(panel.textContent).not.toMatch(/unknown status|not_used/);
    expect(within(panel).getAllByText('not used')).toHaveLength(2);
  });

  it('says a fallback that was not used in words, in Ukrainian', async () => {
    const { user } = renderApp({ messages: [viberWithUnusedFallback()], preferences: { language: 'uk' } });
    await openDetail(user, 'abc123def456', 'Відстежувані повідомлення');
    const panel = await screen.findByRole('complementary', { name: /abc123def456/ });
    expect(panel.textContent).not.toMatch(/невідомий статус|not_used/);
    expect(within(panel).getAllByText('не використано')).toHaveLength(2);
  });

  it('says an id SMSBAT does not know yet is not found yet and when it is checked again', async () => {
    const { user } = renderApp({ messages: [notFoundYet()] });
    await openDetail(user, 'too-early-1', 'Watched messages');
    const panel = await screen.findByRole('complementary', { name: 'Message details: too-early-1' });
    expect(panel.textContent).not.toContain('Not checked yet');
    expect(panel.textContent).toMatch(/Not found yet, checking again in (29|30) s/);
  });
});

describe('the delivery rate while few messages are final', () => {
  it('gives "1 of 1 final delivered" rather than 100% when one of 12 is final', async () => {
    const messages = [
      messageView({ id: 'done-1', statuses: ['delivered'] }),
      ...Array.from({ length: 11 }, (_, i) => messageView({ id: `wait-${i}`, statuses: ['processing'] })),
    ];
    renderApp({ messages });
    const totals = await screen.findByRole('region', { name: 'Totals' });
    await waitFor(() => {
      expect(totals.textContent).toContain('1 of 1 final delivered');
    });
    expect(totals.textContent).not.toContain('100%');
  });

  it('says it once on a label card, without "Delivered" twice', async () => {
    const messages = [
      messageView({ id: 'l-1', label: 'OTP', statuses: ['delivered'] }),
      messageView({ id: 'l-2', label: 'OTP', statuses: ['processing'] }),
    ];
    renderApp({ messages });
    const card = await screen.findByRole('button', { name: 'Show the delivery curve of OTP' });
    await waitFor(() => {
      expect(card.textContent).toContain('1 of 1 final delivered');
    });
    expect(card.textContent).not.toMatch(/Delivered 1 of 1/);
  });
});
