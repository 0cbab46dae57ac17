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
