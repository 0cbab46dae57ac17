import { describe, expect, it } from 'vitest';
import { connectionKey, lastSuccessSince } from '../../../renderer/src/logic/connection-epoch';

const demo = {
  source: 'demo',
  signedInAs: 'Demo',
  baseUrl: 'http://127.0.0.1:1',
  demo: true,
  persistent: false,
  authMethod: null,
  noCredentialsReason: null,
} as const;

describe('lastSuccessSince', () => {
  it('keeps a success newer than the last one of the earlier connection', () => {
    expect(lastSuccessSince(1_001, 1_000)).toBe(1_001);
  });

  it("drops the earlier connection's last success, and anything before it", () => {
    expect(lastSuccessSince(1_000, 1_000)).toBeNull();
    expect(lastSuccessSince(999, 1_000)).toBeNull();
  });

  it('keeps what the host says while the window has seen one connection only', () => {
    expect(lastSuccessSince(5, null)).toBe(5);
    expect(lastSuccessSince(null, 1_000)).toBeNull();
  });
});

describe('connectionKey', () => {
  it('changes when leaving the demo, or with another account or address, not otherwise', () => {
    expect(connectionKey(demo)).toBe(connectionKey({ ...demo }));
    expect(connectionKey({ ...demo, demo: false, source: 'keychain' })).not.toBe(connectionKey(demo));
    expect(connectionKey({ ...demo, signedInAs: 'Other' })).not.toBe(connectionKey(demo));
    expect(connectionKey({ ...demo, baseUrl: 'http://127.0.0.1:2' })).not.toBe(connectionKey(demo));
  });
});
