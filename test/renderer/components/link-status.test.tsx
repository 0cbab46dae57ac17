// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { messageView } from '../../fakes/message-views';
import { renderApp } from './render-app';

afterEach(cleanup);

const messages = [messageView({ id: 'm-1', statuses: ['processing'] })];

describe('the window when its link to the monitor goes', () => {
  it('says the connection is lost instead of the last engine state, and the engine state again once it is back', async () => {
    const { setLink } = renderApp({ messages });
    await screen.findByRole('table', { name: 'Watched messages' });
    act(() => {
      setLink('lost');
    });
    const status = screen.getByText('Lost the connection to the monitor').closest('[role="status"]');
    expect(status?.textContent).toContain('Trying again');
    act(() => {
      setLink('open');
    });
    expect(screen.queryByText('Lost the connection to the monitor')).toBeNull();
  });

  it('tells the person to open the address the terminal printed when the monitor no longer takes this tab', async () => {
    const { setLink } = renderApp({ messages });
    await screen.findByRole('table', { name: 'Watched messages' });
    act(() => {
      setLink('refused');
    });
    expect(screen.getByText('This tab no longer has access to the monitor')).toBeTruthy();
    expect(document.body.textContent).toMatch(/open the address it printed in the terminal/);
  });

  it('says so before anything is loaded, and in Ukrainian', async () => {
    renderApp({ preferences: { language: 'uk' } }, 'lost');
    expect(await screen.findByText(/Втрачено звʼязок із монітором/)).toBeTruthy();
  });
});
