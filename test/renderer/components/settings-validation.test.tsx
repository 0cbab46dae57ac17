// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render-app';

afterEach(cleanup);

async function openPolling(user: ReturnType<typeof renderApp>['user'], settingsName: string) {
  await screen.findByRole('table');
  await user.click(screen.getByRole('button', { name: settingsName }));
  return screen.findByRole('dialog');
}

describe('the polling settings', () => {
  it('save a decimal rate cap, as the CLI accepts', async () => {
    const { fake, user } = renderApp();
    const dialog = await openPolling(user, 'Settings');
    const rate = within(dialog).getByLabelText(/Rate cap/);
    await user.clear(rate);
    await user.type(rate, '2.5');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      const call = fake.calls.find((c) => c.name === 'updateSettings');
      expect(call?.payload).toMatchObject({ settings: { rateCapPerSecond: 2.5 } });
    });
  });

  it('say what is wrong in the window language, next to the field, and send nothing', async () => {
    const { fake, user } = renderApp({ preferences: { language: 'uk' } });
    const dialog = await openPolling(user, 'Налаштування');
    const rate = within(dialog).getByLabelText(/Ліміт запитів/);
    await user.clear(rate);
    await user.type(rate, '80');
    await user.click(within(dialog).getByRole('button', { name: 'Зберегти' }));
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('від 0,1 до 50');
    expect(fake.calls.some((c) => c.name === 'updateSettings')).toBe(false);
  });
});
