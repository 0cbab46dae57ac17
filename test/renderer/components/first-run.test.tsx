// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render-app';

afterEach(cleanup);

describe('the first-run screen', () => {
  it('offers Import, which sends the chosen JSON file to the monitor', async () => {
    const { fake, user } = renderApp({ connection: { source: 'none', signedInAs: null } });
    await screen.findByRole('heading', { name: 'Watch your SMSBAT deliveries' });
    expect(screen.getByRole('button', { name: 'Import JSON' })).toBeTruthy();
    const json = JSON.stringify({ messages: [] });
    await user.upload(
      screen.getByLabelText('JSON file to import'),
      new File([json], 'watch-list.json', { type: 'application/json' }),
    );
    await waitFor(() => {
      expect(fake.calls.some((call) => call.name === 'importMessages')).toBe(true);
    });
  });
});
