// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { messageView } from '../../fakes/message-views';
import { renderApp } from './render-app';

afterEach(cleanup);

const messages = [
  messageView({
    id: 'bf-1',
    label: 'Black Friday',
    statuses: ['delivered'],
    charge: { amount: 0.5, currency: 'UAH' },
  }),
  messageView({
    id: 'bf-2',
    label: 'Black Friday',
    statuses: ['undeliverable'],
    charge: { amount: 0, currency: 'UAH' },
  }),
  messageView({
    id: 'otp-1',
    label: 'OTP',
    statuses: ['delivered'],
    charge: { amount: 0.02, currency: 'USD' },
  }),
  messageView({ id: 'otp-2', label: 'OTP', statuses: ['processing'] }),
];

/** The ids in the list's rows, in order. */
function rowIds(): string[] {
  const table = screen.getByRole('table', { name: 'Watched messages' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.cell--id .mono')?.textContent ?? '');
}

describe('totals', () => {
  it('shows counts per status, delivery rate and cost per currency', async () => {
    renderApp({ messages });
    const totals = await screen.findByRole('region', { name: 'Totals' });
    expect(within(totals).getByRole('button', { name: /Delivered\s*2/ })).toBeTruthy();
    expect(within(totals).getByRole('button', { name: /Failed\s*1/ })).toBeTruthy();
    // Three final messages are too few for a percentage: the rate reads as counts.
    expect(await within(totals).findByText('2 of 3 final delivered')).toBeTruthy();
    expect(totals.textContent).not.toContain('66.7%');
    expect(within(totals).getByText('UAH 0.50')).toBeTruthy();
    expect(within(totals).getByText('$0.02')).toBeTruthy();
  });

  it('filters the list when a status count is clicked, and shows all again on a second click', async () => {
    const { user } = renderApp({ messages });
    const totals = await screen.findByRole('region', { name: 'Totals' });
    const failed = within(totals).getByRole('button', { name: /Failed\s*1/ });
    await user.click(failed);
    expect(failed.getAttribute('aria-pressed')).toBe('true');
    expect(rowIds()).toEqual(['bf-2']);
    await user.click(failed);
    expect(rowIds()).toHaveLength(4);
  });

  it('summarises per label (after the first frame), and a label shows its curve and filters the list', async () => {
    const { user } = renderApp({ messages });
    const totals = await screen.findByRole('region', { name: 'Totals' });
    await user.click(
      await within(totals).findByRole('button', { name: 'Show the delivery curve of Black Friday' }),
    );
    expect(within(totals).getByText('Delivery curve: Black Friday')).toBeTruthy();
    expect(rowIds().sort()).toEqual(['bf-1', 'bf-2']);
  });
});

describe('list filters', () => {
  it('searches by id and filters by label together', async () => {
    const { user } = renderApp({ messages });
    await screen.findByRole('table', { name: 'Watched messages' });
    await user.type(screen.getByPlaceholderText('Search by ID'), '-1');
    expect(rowIds().sort()).toEqual(['bf-1', 'otp-1']);
    await user.selectOptions(screen.getByLabelText('Label'), 'OTP');
    expect(rowIds()).toEqual(['otp-1']);
    await user.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(rowIds()).toHaveLength(4);
  });

  it('sorts when the header cell is clicked anywhere, not only on its word', async () => {
    const { user } = renderApp({ messages });
    await screen.findByRole('table', { name: 'Watched messages' });
    const header = screen.getByRole('columnheader', { name: 'ID' });
    await user.click(header);
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(rowIds()).toEqual(['bf-1', 'bf-2', 'otp-1', 'otp-2']);
    await user.click(header);
    expect(header.getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts by a column header and says so with aria-sort', async () => {
    const { user } = renderApp({ messages });
    await screen.findByRole('table', { name: 'Watched messages' });
    await user.click(screen.getByRole('button', { name: 'ID' }));
    expect(rowIds()).toEqual(['bf-1', 'bf-2', 'otp-1', 'otp-2']);
    expect(screen.getByRole('columnheader', { name: 'ID' }).getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByRole('button', { name: 'ID' }));
    expect(rowIds()).toEqual(['otp-2', 'otp-1', 'bf-2', 'bf-1']);
  });

  it('acts on the selection: stop watching removes the selected messages', async () => {
    const { user, fake } = renderApp({ messages });
    await screen.findByRole('table', { name: 'Watched messages' });
    await user.click(screen.getByRole('checkbox', { name: 'Select bf-2' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select otp-2' }));
    expect(screen.getAllByText('2 selected').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Stop watching' }));
    expect(fake.calls.find((call) => call.name === 'unwatch')?.payload).toEqual({
      messageIds: ['bf-2', 'otp-2'],
    });
    expect(rowIds().sort()).toEqual(['bf-1', 'otp-1']);
  });
});
