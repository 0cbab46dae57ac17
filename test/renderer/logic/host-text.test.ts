import { describe, expect, it } from 'vitest';
import { hostTextKey } from '../../../renderer/src/logic/host-text';

describe('hostTextKey', () => {
  it('knows who the credentials sign in as', () => {
    expect(hostTextKey('API key ending 0000')).toEqual({
      key: 'host.apiKeyEnding',
      values: { last: '0000' },
    });
    expect(hostTextKey('user shop-42')).toEqual({ key: 'host.user', values: { name: 'shop-42' } });
  });

  it('knows the sentences of rejected credentials and an unreachable SMSBAT, keeping their details', () => {
    expect(hostTextKey('SMSBAT rejected the credentials: HTTP 401 Unauthorized')).toEqual({
      key: 'host.credentialsRejected',
      values: { reason: 'HTTP 401 Unauthorized' },
    });
    expect(
      hostTextKey('Could not connect to SMSBAT at http://127.0.0.1:9: connection refused (ECONNREFUSED)'),
    ).toEqual({
      key: 'host.couldNotConnect',
      values: { url: 'http://127.0.0.1:9', reason: 'connection refused (ECONNREFUSED)' },
    });
  });

  it('leaves a sentence it does not know to be shown as it came', () => {
    expect(hostTextKey('Something else happened')).toBeNull();
  });
});
