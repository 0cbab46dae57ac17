import { describe, it, expect } from 'vitest';
import { closest, parseCliArgs, type CliArgs } from '../../electron/cli/args';
import { UsageError } from '../../electron/cli/usage-error';

/** The UsageError `parseCliArgs` throws for `argv` (fails the test if it does not throw one). */
function usageError(argv: string[]): UsageError {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`);
}

describe('parseCliArgs', () => {
  it('parses check with ids and defaults', () => {
    expect(parseCliArgs(['check', 'abc123', 'def456'])).toEqual<CliArgs>({
      command: 'check',
      idTokens: ['abc123', 'def456'],
      baseUrl: null,
      rate: 10,
      timeoutSeconds: null,
      json: false,
    });
  });

  it('accepts options before and after the command, inline values, and ids after --', () => {
    const args = parseCliArgs([
      '--json',
      'watch',
      '--rate=2.5',
      'abc',
      '--timeout',
      '90',
      '--deadline',
      '30',
      '--label',
      ' Black Friday ',
      '--not-found-retries',
      '0',
      '--base-url',
      'http://127.0.0.1:9',
      '--',
      '-dash-id',
    ]);
    expect(args).toEqual<CliArgs>({
      command: 'watch',
      idTokens: ['abc', '-dash-id'],
      baseUrl: 'http://127.0.0.1:9',
      rate: 2.5,
      timeoutSeconds: 90,
      json: true,
      label: 'Black Friday',
      deadlineSeconds: 30,
      notFoundRetries: 0,
      webhookPort: null,
      webhookHost: '127.0.0.1',
    });
  });

  it('parses simulate and demo with their defaults', () => {
    expect(parseCliArgs(['simulate'])).toEqual({
      command: 'simulate',
      host: '127.0.0.1',
      port: 8787,
      seed: 1,
      profilePath: null,
      json: false,
      webhooks: null,
    });
    expect(parseCliArgs(['simulate', '--port', '0', '--seed', '7', '--host', '::1'])).toMatchObject({
      port: 0,
      seed: 7,
      host: '::1',
    });
    expect(parseCliArgs(['demo'])).toEqual({
      command: 'demo',
      rate: 10,
      timeoutSeconds: 90,
      seed: 1,
      json: false,
    });
  });

  it('answers --help, -h, help <command> and --version before validating the rest', () => {
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help', topic: null });
    expect(parseCliArgs(['watch', '-h'])).toEqual({ command: 'help', topic: 'watch' });
    expect(parseCliArgs(['help', 'check'])).toEqual({ command: 'help', topic: 'check' });
    expect(parseCliArgs(['help'])).toEqual({ command: 'help', topic: null });
    expect(parseCliArgs(['--version'])).toEqual({ command: 'version' });
    expect(parseCliArgs(['check', '--rate', '999', '--help'])).toEqual({ command: 'help', topic: 'check' });
  });

  it('names unknown commands and options, with a suggestion', () => {
    expect(usageError(['wach']).message).toMatch(/Unknown command "wach"\. Did you mean `watch`\?/);
    expect(usageError([]).message).toMatch(/No command given/);
    const option = usageError(['watch', '--dedline', '5', 'a']);
    expect(option.message).toMatch(/Unknown option --dedline\. Did you mean --deadline\?/);
    expect(option.command).toBe('watch');
    expect(usageError(['check', '-x', 'a']).message).toMatch(/Unknown option -x/);
  });

  it('refuses options of another command', () => {
    expect(usageError(['check', '--label', 'x', 'a']).message).toBe(
      '--label is an option of `watch`, not of `check`.',
    );
    expect(usageError(['simulate', '--rate', '5']).message).toMatch(
      /--rate is an option of `check` and `watch` and `demo`/,
    );
  });

  it('explains bad numbers, including a rate above SMSBAT limit', () => {
    expect(usageError(['check', '--rate', '60', 'a']).message).toMatch(
      /above SMSBAT's limit of 50 .*--rate 50 or less/,
    );
    expect(usageError(['check', '--rate', '0', 'a']).message).toMatch(/must be above 0/);
    expect(usageError(['check', '--rate', 'fast', 'a']).message).toMatch(
      /"fast" is not a number of requests per second/,
    );
    expect(usageError(['watch', '--timeout', '10s', 'a']).message).toMatch(
      /--timeout "10s" is not a number of seconds/,
    );
    expect(usageError(['watch', '--deadline', '0', 'a']).message).toMatch(/--deadline must be more than 0/);
    expect(usageError(['simulate', '--port', '70000']).message).toMatch(
      /--port must be a whole number from 0 to 65535/,
    );
    expect(usageError(['watch', '--not-found-retries', '1.5', 'a']).message).toMatch(/whole number/);
  });

  it('talks about the value of negative and out-of-range numbers, not about a missing value', () => {
    const cases: [string[], RegExp][] = [
      [
        ['watch', '--timeout', '-5', 'a'],
        /^--timeout must be more than 0 and at most 2147483 seconds \(got -5\)/,
      ],
      [['watch', '--timeout=-5', 'a'], /^--timeout must be more than 0 .*\(got -5\)/],
      [['watch', '--deadline', '-0.5', 'a'], /^--deadline must be more than 0 .*\(got -0\.5\)/],
      [
        ['watch', '--timeout', '1e9', 'a'],
        /^--timeout must be more than 0 and at most 2147483 seconds \(got 1e9\)/,
      ],
      [['check', '--rate', '-5', 'a'], /^--rate must be above 0 requests per second \(got -5\)/],
      [['check', '--rate', '1e3', 'a'], /^--rate 1e3 is above SMSBAT's limit of 50/],
      [['simulate', '--port', '-1'], /^--port must be a whole number from 0 to 65535 \(got "-1"\)/],
      [['simulate', '--port', '1e9'], /^--port must be a whole number from 0 to 65535 \(got "1e9"\)/],
      [
        ['watch', '--not-found-retries', '-2', 'a'],
        /^--not-found-retries must be a whole number from 0 to 20/,
      ],
    ];
    for (const [argv, message] of cases) expect(usageError(argv).message).toMatch(message);
  });

  it('accepts numbers written with an exponent or a plus sign when they are in range', () => {
    expect(parseCliArgs(['watch', '--timeout', '1.2e2', 'a'])).toMatchObject({ timeoutSeconds: 120 });
    expect(parseCliArgs(['check', '--rate', '+5', 'a'])).toMatchObject({ rate: 5 });
    expect(parseCliArgs(['simulate', '--port', '8e3'])).toMatchObject({ port: 8000 });
  });

  it('reports options missing their value and booleans given one', () => {
    expect(usageError(['check', 'a', '--rate']).message).toMatch(/--rate needs a value, e\.g\. --rate 5/);
    expect(usageError(['check', '--rate', '--json', 'a']).message).toMatch(/--rate needs a value/);
    expect(usageError(['check', '--json=yes', 'a']).message).toMatch(/--json does not take a value/);
  });

  it('refuses credentials as arguments without repeating them', () => {
    for (const argv of [
      ['watch', '--api-key=s3cret-value', 'a'],
      ['--api-key', 's3cret-value', 'check', 'a'],
      ['check', '--password', 's3cret-value', 'a'],
      ['check', '--API-KEY=s3cret-value'],
    ]) {
      const error = usageError(argv);
      expect(error.message).toMatch(/credentials are read only from the environment/);
      expect(error.message).toMatch(/SMSBAT_API_KEY/);
      expect(error.message).not.toContain('s3cret-value');
    }
  });

  it('refuses stray arguments and over-long labels', () => {
    expect(usageError(['simulate', 'extra']).message).toMatch(/`simulate` takes no message ids/);
    expect(usageError(['watch', '--label', 'x'.repeat(101), 'a']).message).toMatch(/keep it to 100/);
  });
});

describe('closest', () => {
  it('suggests near misses and prefixes only', () => {
    expect(closest('chek', ['check', 'watch'])).toBe('check');
    expect(closest('sim', ['check', 'simulate'])).toBe('simulate');
    expect(closest('zzzzzz', ['check', 'watch'])).toBeNull();
  });
});
