import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../renderer/src/app';
import type { LinkStatus } from '../../../renderer/src/transport/link-state';
import { FakeMonitorClient, type FakeClientOptions } from '../../fakes/fake-monitor-client';

// happy-dom lays nothing out: give the list's scroll area a size so the virtualiser renders the rows in view.
for (const [property, size] of [
  ['clientHeight', 800],
  ['clientWidth', 1200],
] as const) {
  Object.defineProperty(HTMLElement.prototype, property, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('message-table__scroll') ? size : 0;
    },
  });
}

/** Renders the whole window on a fake client; returns the fake, a user-event driver and the render result. */
export function renderApp(options: FakeClientOptions = {}, link: LinkStatus = 'open') {
  const fake = new FakeMonitorClient(options);
  const user = userEvent.setup();
  const status = { value: link, listeners: new Set<() => void>() };
  const source = {
    current: () => status.value,
    subscribe: (listener: () => void) => {
      status.listeners.add(listener);
      return () => status.listeners.delete(listener);
    },
  };
  const view = render(<App client={fake.client} link={source} />);
  /** Changes the link's status as the WebSocket client would. */
  const setLink = (next: LinkStatus): void => {
    status.value = next;
    for (const listener of status.listeners) listener();
  };
  return { fake, user, setLink, ...view };
}
