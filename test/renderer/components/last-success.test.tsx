// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { messageView, runningHealth } from '../../fakes/message-views';
import { renderApp } from './render-app';

afterEach(cleanup);

describe('the header after leaving the demo', () => {
  it('does not carry the demo\'s "Last successful check" over to a new connection', async () => {
    const demoAnswered = Date.now() - 30_000;
    const { fake } = renderApp({
      connection: { source: 'demo', demo: true, signedInAs: 'Demo simulator' },
      health: runningHealth(1, { lastSuccessAt: demoAnswered }),
      messages: [messageView({ id: 'demo-1', statuses: ['processing'] })],
    });
    await screen.findByText(/Last successful check/);
    act(() => {
      fake.emit('connection', {
        source: 'keychain',
        signedInAs: 'API key ending 4242',
        baseUrl: 'https://restapi.smsbat.com',
        demo: false,
        persistent: true,
        authMethod: null,
        noCredentialsReason: null,
      });
    });
    await waitFor(() => {
      expect(screen.getByText('No successful check yet')).toBeTruthy();
    });
    expect(screen.queryByText(/Last successful check/)).toBeNull();
  });
});

describe('the header after leaving the demo through the first-run screen', () => {
  it('still shows no success from the demo once connected', async () => {
    const demoAnswered = Date.now() - 30_000;
    const { fake } = renderApp({
      connection: { source: 'demo', demo: true, signedInAs: 'Demo simulator' },
      health: runningHealth(0, { lastSuccessAt: demoAnswered }),
    });
    await screen.findByText(/Last successful check/);
    act(() => {
      fake.emit('connection', {
        source: 'none',
        signedInAs: null,
        baseUrl: '',
        demo: false,
        persistent: true,
        authMethod: null,
        noCredentialsReason: null,
      });
    });
    await screen.findByRole('heading', { name: 'Watch your SMSBAT deliveries' });
    act(() => {
      fake.emit('connection', {
        source: 'keychain',
        signedInAs: 'API key ending 4242',
        baseUrl: 'https://restapi.smsbat.com',
        demo: false,
        persistent: true,
        authMethod: null,
        noCredentialsReason: null,
      });
    });
    await screen.findByText('No successful check yet');
  });
});
