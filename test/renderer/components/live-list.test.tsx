// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { listedView, messageView, runningHealth, TEST_SETTINGS } from '../../fakes/message-views';
import { renderApp } from './render-app';

afterEach(cleanup);

// Newest change first (the default order): each message changed one second after the one before it.
const messages = ['m-1', 'm-2', 'm-3', 'm-4'].map((id, index) =>
  messageView({ id, statuses: ['processing'], addedAt: 1_000_000 + index * 1_000 }),
);

/** The ids and statuses in the list's rows, in order. */
function rows(): string[] {
  const table = screen.getByRole('table', { name: 'Watched messages' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(
      (row) =>
        `${row.querySelector('.cell--id .mono')?.textContent ?? ''} ${row.querySelector('.cell--status span')?.textContent ?? ''}`,
    );
}

describe('the list while changes stream in', () => {
  it('moves a changed message to its place with its new status, and the other rows keep theirs', async () => {
    const { fake } = renderApp({ messages });
    await screen.findByRole('table', { name: 'Watched messages' });
    expect(rows()).toEqual(['m-4 On its way', 'm-3 On its way', 'm-2 On its way', 'm-1 On its way']);
    act(() => {
      fake.upsert([messageView({ id: 'm-2', statuses: ['processing', 'delivered'], addedAt: 1_010_000 })]);
    });
    await waitFor(() => {
      expect(rows()).toEqual(['m-2 Delivered', 'm-4 On its way', 'm-3 On its way', 'm-1 On its way']);
    });
  });

  it('keeps focus on the message a person is on when it moves', async () => {
    const { fake, user } = renderApp({ messages });
    await screen.findByRole('table', { name: 'Watched messages' });
    const table = screen.getByRole('table', { name: 'Watched messages' });
    const m3 = within(table)
      .getAllByRole('row')
      .find((row) => row.textContent.includes('m-3'));
    if (m3 === undefined) throw new Error('no row for m-3');
    await user.click(within(m3).getByRole('checkbox', { name: 'Select m-3' }));
    m3.focus();
    act(() => {
      fake.upsert([messageView({ id: 'm-3', statuses: ['processing', 'delivered'], addedAt: 1_010_000 })]);
    });
    await waitFor(() => {
      expect(rows()[0]).toBe('m-3 Delivered');
    });
    const focused = document.activeElement;
    expect(focused?.getAttribute('role')).toBe('row');
    expect(focused?.querySelector('.cell--id .mono')?.textContent).toBe('m-3');
  });
});

describe('a missed change', () => {
  it('is not applied out of order: the window asks the host for a fresh snapshot instead', async () => {
    const { fake } = renderApp({ messages });
    await screen.findByRole('table', { name: 'Watched messages' });
    const snapshotsBefore = fake.calls.filter((call) => call.name === 'snapshot').length;
    act(() => {
      fake.emit('feed', {
        type: 'change',
        change: {
          version: 50,
          upserted: [listedView({ id: 'late-1', statuses: ['delivered'], addedAt: 1_020_000 })],
          removed: [],
          events: [],
        },
      });
    });
    await waitFor(() => {
      expect(fake.calls.filter((call) => call.name === 'snapshot').length).toBe(snapshotsBefore + 1);
    });
    expect(rows().some((row) => row.startsWith('late-1'))).toBe(false);
    expect(rows()).toHaveLength(4);
  });
});

describe('the detail panel', () => {
  it('shows the timeline the host keeps (the feed carries none) and follows it as the message changes', async () => {
    const { fake, user } = renderApp({ messages });
    const table = await screen.findByRole('table', { name: 'Watched messages' });
    const m2 = within(table)
      .getAllByRole('row')
      .find((row) => row.textContent.includes('m-2'));
    if (m2 === undefined) throw new Error('no row for m-2');
    await user.click(m2);
    const panel = await screen.findByRole('complementary', { name: 'Message details: m-2' });
    const timeline = () =>
      within(panel)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('span')?.textContent);
    await waitFor(() => {
      expect(timeline()).toEqual(['Watched', 'being sent']);
    });
    act(() => {
      fake.upsert([messageView({ id: 'm-2', statuses: ['processing', 'delivered'], addedAt: 1_001_000 })]);
    });
    await waitFor(() => {
      expect(timeline()).toEqual(['Watched', 'being sent', 'delivered']);
    });
    expect(fake.calls.filter((call) => call.name === 'messageHistory')).not.toHaveLength(0);
  });
});

describe('a fresh snapshot', () => {
  it('is drawn in the task that brought it, not in one scheduled after it', async () => {
    const { fake } = renderApp({ messages });
    const table = await screen.findByRole('table', { name: 'Watched messages' });
    const snapshot = {
      version: 1,
      messages: [listedView({ id: 'fresh-1', statuses: ['delivered'], addedAt: 2_000_000 })],
      health: runningHealth(1),
      totals: {
        total: 1,
        counts: { unchecked: 0, pending: 0, delivered: 1, failed: 0, unknown: 0, not_found: 0, gave_up: 0 },
        overdue: 0,
        deliveryRate: 1,
        costs: [],
      },
      settings: TEST_SETTINGS,
    };
    fake.emit('feed', { type: 'snapshot', snapshot });
    expect(table.getAttribute('aria-rowcount')).toBe('2');
    expect(rows()).toEqual(['fresh-1 Delivered']);
  });
});

describe('the first frame of a long list', () => {
  it('draws the rows in view first, and the rows just beyond the view once they are on screen', async () => {
    const many = Array.from({ length: 200 }, (_, index) =>
      messageView({
        id: `long-${String(index)}`,
        statuses: ['processing'],
        addedAt: 1_000_000 + index * 1_000,
      }),
    );
    // Rows drawn each time the page changes, from the first change on.
    const drawn: number[] = [];
    const observer = new MutationObserver(() => {
      const table = document.querySelector('[role="table"]');
      if (table !== null) drawn.push(table.querySelectorAll('[role="row"][aria-rowindex]').length - 1);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    renderApp({ messages: many });
    await waitFor(() => {
      expect(Math.max(...drawn)).toBeGreaterThan(drawn.find((count) => count > 0) ?? Infinity);
    });
    observer.disconnect();
    const first = drawn.find((count) => count > 0) ?? 0;
    expect(first).toBeGreaterThan(10);
    expect(Math.max(...drawn) - first).toBe(5);
    expect(rows()[0]).toBe('long-199 On its way');
  });
});
