import { describe, expect, it } from 'vitest';
import { describeWebhookPosting, redactWebhookUrl } from '../../electron/cli/commands/simulate';

describe('what simulate says about its webhooks', () => {
  it('names where they go without the secret, and the faults asked for', () => {
    const url = 'http://127.0.0.1:8789/webhook/abcdefghijklmnopqrstuvwxyz012345';
    expect(redactWebhookUrl(url)).toBe('http://127.0.0.1:8789/…');
    const line = describeWebhookPosting({
      url,
      faults: { lossRate: 0.1, duplicateRate: 0.05, maxDelayMs: 300, reorderRate: 0 },
      hostile: true,
    });
    expect(line).not.toContain('abcdefghij');
    expect(line).toContain(
      '10% lost, 5% sent twice, up to 300 ms late, 0% out of order, with a hostile request after each',
    );
  });
});
