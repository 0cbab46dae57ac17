import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../electron/cli/args';
import { UsageError } from '../../electron/cli/usage-error';

function usageError(argv: string[]): UsageError {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a usage error');
}

const URL = 'http://127.0.0.1:8789/webhook/abc';

describe('webhook options of the CLI', () => {
  it('watch takes a webhook port and address, 127.0.0.1 by default', () => {
    expect(parseCliArgs(['watch', 'a', '--webhook-port', '8789'])).toMatchObject({
      webhookPort: 8789,
      webhookHost: '127.0.0.1',
    });
    expect(parseCliArgs(['watch', 'a', '--webhook-port', '1', '--webhook-host', '0.0.0.0'])).toMatchObject({
      webhookPort: 1,
      webhookHost: '0.0.0.0',
    });
    expect(usageError(['watch', 'a', '--webhook-port', '0']).message).toMatch(
      /--webhook-port must be a whole number from 1 to 65535/,
    );
    expect(usageError(['watch', 'a', '--webhook-port', '65536']).message).toMatch(/--webhook-port/);
  });

  it('simulate posts webhooks with the faults asked for', () => {
    expect(
      parseCliArgs([
        'simulate',
        '--webhook-url',
        URL,
        '--webhook-loss',
        '10%',
        '--webhook-duplicates',
        '0.05',
        '--webhook-delay-ms',
        '300',
        '--webhook-reorder',
        '1',
        '--webhook-hostile',
      ]),
    ).toMatchObject({
      webhooks: {
        url: URL,
        faults: { lossRate: 0.1, duplicateRate: 0.05, maxDelayMs: 300, reorderRate: 1 },
        hostile: true,
      },
    });
    expect(parseCliArgs(['simulate', '--webhook-url', URL])).toMatchObject({
      webhooks: { faults: { lossRate: 0, duplicateRate: 0, maxDelayMs: 0, reorderRate: 0 }, hostile: false },
    });
  });

  it('refuses shares outside 0..1, a URL that is not http, and fault options without a URL', () => {
    expect(usageError(['simulate', '--webhook-url', URL, '--webhook-loss', '1.01']).message).toMatch(
      /--webhook-loss must be a share from 0 to 1/,
    );
    expect(usageError(['simulate', '--webhook-url', URL, '--webhook-loss', '101%']).message).toMatch(
      /--webhook-loss/,
    );
    expect(parseCliArgs(['simulate', '--webhook-url', URL, '--webhook-loss', '100%'])).toMatchObject({
      webhooks: { faults: { lossRate: 1 } },
    });
    expect(usageError(['simulate', '--webhook-url', 'ftp://x/y']).message).toMatch(/http:\/\/ or https:\/\//);
    expect(usageError(['simulate', '--webhook-url', 'not a url']).message).toMatch(/is not a URL/);
    expect(usageError(['simulate', '--webhook-loss', '0.1']).message).toMatch(
      /--webhook-loss needs --webhook-url/,
    );
    expect(usageError(['simulate', '--webhook-hostile']).message).toMatch(
      /--webhook-hostile needs --webhook-url/,
    );
    expect(usageError(['watch', 'a', '--webhook-url', URL]).message).toMatch(/is an option of `simulate`/);
  });
});
