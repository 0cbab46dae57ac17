import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../renderer/src/app';
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
export function renderApp(options: FakeClientOptions = {}) {
  const fake = new FakeMonitorClient(options);
  const user = userEvent.setup();
  const view = render(<App client={fake.client} />);
  return { fake, user, ...view };
}
