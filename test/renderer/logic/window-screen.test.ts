import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/contract';
import { windowScreen } from '../../../renderer/src/logic/window-screen';

const connected: ConnectionInfo = {
  source: 'keychain',
  signedInAs: 'API key ending 0000',
  baseUrl: 'https://restapi.smsbat.com',
  authMethod: 'api-key-header',
  noCredentialsReason: null,
  demo: false,
  persistent: true,
};
const notConnected: ConnectionInfo = { ...connected, source: 'none', signedInAs: null };

describe('windowScreen', () => {
  it('waits for the host before it knows anything', () => {
    expect(windowScreen(null, null)).toBe('connecting');
    expect(windowScreen(null, { messageCount: 3 })).toBe('connecting');
  });

  it('draws the monitor while the watch list is on its way when credentials or the demo are set', () => {
    expect(windowScreen(connected, null)).toBe('monitor-loading');
    expect(windowScreen({ ...notConnected, source: 'demo', demo: true }, null)).toBe('monitor-loading');
  });

  it('without credentials, waits for the list to tell first run from a list left without credentials', () => {
    expect(windowScreen(notConnected, null)).toBe('connecting');
    expect(windowScreen(notConnected, { messageCount: 0 })).toBe('first-run');
    expect(windowScreen(notConnected, { messageCount: 2 })).toBe('monitor');
  });

  it('shows the monitor once the list is here', () => {
    expect(windowScreen(connected, { messageCount: 0 })).toBe('monitor');
    expect(windowScreen(connected, { messageCount: 10_000 })).toBe('monitor');
  });
});
