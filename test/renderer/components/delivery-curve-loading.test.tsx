// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { messageView } from '../../fakes/message-views';
import { renderApp } from './render-app';

afterEach(cleanup);

describe('the delivery curve, drawn by a chart loaded on demand', () => {
  it('shows the chart of a chosen label once its code has loaded, with the summary at once', async () => {
    const { user } = renderApp({
      messages: [
        messageView({ id: 'c-1', label: 'Campaign', statuses: ['delivered'] }),
        messageView({ id: 'c-2', label: 'Campaign', statuses: ['processing'] }),
      ],
    });
    const totals = await screen.findByRole('region', { name: 'Totals' });
    await user.click(
      await within(totals).findByRole('button', { name: 'Show the delivery curve of Campaign' }),
    );
    expect(within(totals).getByText('Delivery curve: Campaign')).toBeTruthy();
    const chart = await within(totals).findByRole(
      'img',
      { name: /^Delivery curve: Campaign\./ },
      { timeout: 10_000 },
    );
    expect(chart.querySelector('.curve__legend')).not.toBeNull();
  });
});
