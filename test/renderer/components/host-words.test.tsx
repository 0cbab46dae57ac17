// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { messageView } from '../../fakes/message-views';
import { renderApp } from './render-app';

afterEach(cleanup);

describe('sentences from the monitor, in Ukrainian', () => {
  it('says who the connection signs in as in the window language', async () => {
    const { user } = renderApp({ preferences: { language: 'uk' } });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Налаштування' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('API-ключ, що закінчується на 0000');
    expect(dialog.textContent).not.toContain('API key ending');
  });

  it('translates a last error the monitor wrote in English', async () => {
    const failed = messageView({
      id: 'auth-1',
      error: {
        kind: 'auth',
        message: 'SMSBAT rejected the credentials: Unauthorized',
        httpStatus: 401,
        at: Date.now(),
      },
    });
    const { user } = renderApp({ messages: [failed], preferences: { language: 'uk' } });
    const table = await screen.findByRole('table');
    const row = within(table)
      .getAllByRole('row')
      .find((candidate) => candidate.textContent.includes('auth-1'));
    if (row === undefined) throw new Error('no row');
    await user.click(row);
    const panel = await screen.findByRole('complementary', { name: /auth-1/ });
    expect(panel.textContent).toContain('SMSBAT відхилив облікові дані: Unauthorized');
    expect(panel.textContent).not.toContain('SMSBAT rejected the credentials');
  });
});
