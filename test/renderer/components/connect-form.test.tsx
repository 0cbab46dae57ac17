// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render-app';

afterEach(cleanup);

const waiting = { source: 'none', signedInAs: null, persistent: true } as const;

describe('the connect form after a restart or a new base URL', () => {
  it('starts from the saved base URL and auth method, never a secret', async () => {
    renderApp({
      connection: {
        ...waiting,
        baseUrl: 'http://127.0.0.1:4010',
        authMethod: 'basic',
        noCredentialsReason: 'not-connected',
      },
    });
    const baseUrl = await screen.findByLabelText<HTMLInputElement>('Base URL');
    expect(baseUrl.value).toBe('http://127.0.0.1:4010');
    expect(screen.getByLabelText<HTMLInputElement>('User name and password').checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
    expect(screen.queryByText(/asks for credentials for this address/)).toBeNull();
  });

  it('says why it asks again when the base URL moved to another address', async () => {
    renderApp({
      connection: {
        ...waiting,
        baseUrl: 'https://api.example.test',
        authMethod: 'api-key-header',
        noCredentialsReason: 'new-address',
      },
    });
    expect(await screen.findByText(/asks for credentials for this address/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Base URL').value).toBe('https://api.example.test');
    expect(screen.getByLabelText<HTMLInputElement>('API key header (X-Authorization-Key)').checked).toBe(
      true,
    );
  });
});
