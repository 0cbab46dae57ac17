// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { messageView } from '../../fakes/message-views';
import { renderApp } from './render-app';

afterEach(cleanup);

const messages = ['m-1', 'm-2'].map((id, index) =>
  messageView({ id, statuses: ['processing'], addedAt: 1_000_000 + index * 1_000 }),
);

describe('the window while its watch list is on its way', () => {
  it('is drawn at once and says it is loading, then shows the rows in the same table', async () => {
    const { fake } = renderApp({ messages, holdSnapshot: true });
    const table = await screen.findByRole('table', { name: 'Watched messages' });
    expect(table.getAttribute('aria-busy')).toBe('true');
    expect(within(table).getByText('Loading messages…')).toBeTruthy();
    expect(within(table).queryByText(/No messages yet/)).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Loading the watch list…');
    expect(screen.getByRole('region', { name: 'Totals' }).getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('button', { name: 'Add messages' })).toBeTruthy();

    act(() => {
      fake.sendHeldSnapshots();
    });
    const rows = await within(table).findAllByRole('row');
    expect(rows.slice(1).map((row) => row.querySelector('.cell--id .mono')?.textContent)).toEqual([
      'm-2',
      'm-1',
    ]);
    expect(screen.getByRole('table', { name: 'Watched messages' })).toBe(table);
    expect(table.getAttribute('aria-busy')).toBe('false');
    expect(screen.getByRole('status').textContent).not.toContain('Loading');
  });

  it('fills the list with placeholder rows on the rows’ columns, unseen by assistive technology, until the list comes', async () => {
    const { fake } = renderApp({ messages, holdSnapshot: true });
    const table = await screen.findByRole('table', { name: 'Watched messages' });
    const placeholders = table.querySelectorAll('.loading-row');
    expect(placeholders.length).toBeGreaterThanOrEqual(10);
    const first = placeholders[0] as Element;
    expect(first.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(first.classList.contains('message-row')).toBe(true);
    expect(first.querySelector('.cell--id .mono')).not.toBeNull();
    expect(first.querySelector('.cell--cost.num')).not.toBeNull();
    // Only the header and the line saying the list is loading are rows.
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(table.getAttribute('aria-rowcount')).toBe('1');

    act(() => {
      fake.sendHeldSnapshots();
    });
    await within(table).findByText('m-1');
    expect(table.querySelectorAll('.loading-row')).toHaveLength(0);
  });

  it('without credentials, waits for the list before choosing between first run and the monitor', async () => {
    const { fake } = renderApp({
      messages: [],
      holdSnapshot: true,
      connection: { source: 'none', signedInAs: null },
    });
    expect((await screen.findByRole('status')).textContent).toBe('Connecting to the monitor…');
    expect(screen.queryByRole('table', { name: 'Watched messages' })).toBeNull();
    act(() => {
      fake.sendHeldSnapshots();
    });
    expect(await screen.findByRole('button', { name: 'Try the demo' })).toBeTruthy();
  });
});
