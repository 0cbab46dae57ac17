// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { messageView } from '../../fakes/message-views';
import { renderApp } from './render-app';

afterEach(cleanup);

/** A paste event carrying `text`, as the browser sends it. */
function pasteOf(text: string): Event {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: data });
  return event;
}

describe('the add dialog', () => {
  it('reports what was added, skipped as already watched or repeated, and rejected with reasons', async () => {
    const { fake, user } = renderApp({ messages: [messageView({ id: 'known-1', statuses: ['delivered'] })] });
    await user.click(await screen.findByRole('button', { name: 'Add messages' }));
    const dialog = screen.getByRole('dialog', { name: 'Add messages' });
    const box = within(dialog).getByLabelText('Message IDs');
    await user.type(box, 'new-1, new-2 new-1 known-1 bad/id');
    expect(within(dialog).getByText(/3 IDs found · 1 repeated · 1 not an ID/)).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Label (campaign, order batch)'), 'Black Friday');
    await user.selectOptions(within(dialog).getByLabelText('Expect delivery within'), '5 minutes');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));

    const report = await within(dialog).findByRole('status');
    expect(report.textContent).toContain('Added 2 messages.');
    expect(report.textContent).toContain('Skipped 1 already watched.');
    expect(report.textContent).toContain('Skipped 1 repeated in the paste.');
    expect(report.textContent).toContain('Rejected 1:');
    expect(report.textContent).toContain('bad/id');
    expect(report.textContent).toContain('not a message ID');
    expect(fake.calls.find((call) => call.name === 'watchText')?.payload).toEqual({
      text: 'new-1, new-2 new-1 known-1 bad/id',
      label: 'Black Friday',
      deadlineMs: 300_000,
    });
  });

  it('counts every rejected token of a huge paste, lists the first ones and says how many more there are', async () => {
    const { user } = renderApp({});
    await user.click(await screen.findByRole('button', { name: 'Add messages' }));
    const dialog = screen.getByRole('dialog', { name: 'Add messages' });
    const box = within(dialog).getByLabelText('Message IDs');
    await user.click(box);
    await user.paste(`ok-1 ${Array.from({ length: 250 }, (_, i) => `bad/${i}`).join(' ')}`);
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    const report = await within(dialog).findByRole('status');
    expect(report.textContent).toContain('Added 1 message.');
    expect(report.textContent).toContain('Rejected 250:');
    expect(report.textContent).toContain('bad/49');
    expect(report.textContent).not.toContain('bad/50');
    expect(report.textContent).toContain('and 200 more');
  });

  it('opens with the pasted text when ids are pasted outside a text field, from the moment the window shows', async () => {
    // The paste comes as soon as the list is on the page (before its watch list arrives): it is not lost.
    const shown = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('[role="table"]') === null) return;
        observer.disconnect();
        document.body.dispatchEvent(pasteOf('pasted-1\npasted-2'));
        resolve();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    const { user } = renderApp({ holdSnapshot: true });
    await shown;
    const box = await screen.findByLabelText('Message IDs');
    expect((box as HTMLTextAreaElement).value).toBe('pasted-1\npasted-2');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
