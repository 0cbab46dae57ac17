import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { DEMO_CREDENTIALS, startSimulator, type RunningSimulator } from '../../electron/core/simulator';

/**
 * End-to-end tests of the BUILT command (`out/cli/smsbat-monitor.js`, made by `npm test` or
 * `npx vite build --config vite.cli.config.ts`) against a simulator started here. Its timelines run 100x faster
 * (`timeScale`), and most ids are marked sent ten minutes ago, so their final status already exists when the CLI
 * first checks them: watches end in about a second instead of minutes.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'out/cli/smsbat-monitor.js');
const KEY = DEMO_CREDENTIALS.apiKey;

/** Ids whose final status already exists when the CLI first asks (marked sent long ago in `beforeAll`). */
const SETTLED_IDS = [
  'fast-viber-t1',
  'fast-sms-t2',
  'undeliverable-sms-t3',
  'fast-fallback-j1',
  'fast-viber-w1',
  'undeliverable-fallback-n1',
  'fast-viber-n2',
  'stuck-s1',
  'stuck-i1',
];

/** Whether `path` exists with an execute bit set (false when it is missing). */
function isExecutable(path: string): boolean {
  return existsSync(path) && (statSync(path).mode & 0o111) !== 0;
}

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

interface CliOptions {
  readonly env?: Record<string, string>;
  readonly stdin?: string;
  /** Leave stdin open for the test to write to (and close). */
  readonly keepStdinOpen?: boolean;
}

let sim: RunningSimulator;

/** The environment of every run: the test's own, without any SMSBAT_ variable, plus `extra`. */
function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('SMSBAT_')),
  );
  return { ...base, ...extra };
}

/** Environment pointing the CLI at the test simulator with its API key. */
function simEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { SMSBAT_BASE_URL: sim.url, SMSBAT_API_KEY: KEY, ...extra };
}

/** Starts the built CLI; stdin gets `stdin` (or nothing) and is closed. */
function startCli(
  args: readonly string[],
  options: CliOptions = {},
): { child: ChildProcess; done: Promise<CliResult> } {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: cliEnv(options.env) });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  if (options.keepStdinOpen === true) child.stdin.write(options.stdin ?? '');
  else child.stdin.end(options.stdin ?? '');
  const done = new Promise<CliResult>((resolveDone, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      resolveDone({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
  return { child, done };
}

function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

/** Resolves once `check()` is true, polling every 20 ms; rejects after `ms`. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
}

/** A web server on 127.0.0.1 that is not SMSBAT: every request gets a 404 HTML page. */
async function notSmsbat(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(404, { 'content-type': 'text/html' });
    response.end('<!doctype html><html><body><h1>Not Found</h1></body></html>');
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => {
          resolveClose();
        });
      }),
  };
}

/** Requests the simulator served for `ids` after the first `skip` entries of its log. */
function requestsFor(ids: readonly string[], skip: number) {
  return sim.simulator
    .requests()
    .slice(skip)
    .filter((r) => r.messageId !== null && ids.includes(r.messageId));
}

beforeAll(async () => {
  if (!existsSync(CLI)) {
    throw new Error(
      `The built CLI ${CLI} is missing. Build it first: \`npx vite build --config vite.cli.config.ts\` ` +
        '(`npm test` builds before running the tests).',
    );
  }
  sim = await startSimulator({ timeScale: 0.01 });
  // Ten minutes ago is past every fast (<= 30 s), undeliverable (<= 60 s) and stuck outcome's last step.
  for (const id of SETTLED_IDS) sim.simulator.markSent(id, Date.now() - 600_000);
});

afterAll(async () => {
  await sim.close();
});

describe('smsbat-monitor (built CLI) against the simulator', () => {
  it('check prints a table paced by --rate, signing in with a login (HTTP Basic)', async () => {
    const ids = ['fast-viber-t1', 'fast-sms-t2', 'undeliverable-sms-t3', 'missing-t4'];
    const since = sim.simulator.requests().length;
    const result = await runCli(['check', '--rate', '5', ...ids], {
      env: { SMSBAT_BASE_URL: sim.url, SMSBAT_USERNAME: 'demo', SMSBAT_PASSWORD: DEMO_CREDENTIALS.password },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1); // one failed, one not found
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+STATUS\s+PARTS\s+COST\s+CHANNELS\s+ERROR$/);
    expect(lines[1]).toMatch(
      /^fast-viber-t1\s+delivered\s+1\s+[\d.]+ (UAH|USD|EUR)\s+viber: delivered, sms: not_used\s+-$/,
    );
    expect(lines[2]).toMatch(/^fast-sms-t2\s+delivered\s+\d\s+[\d.]+ \(currency unknown\)\s+-\s+-$/);
    expect(lines[3]).toMatch(
      /^undeliverable-sms-t3\s+undeliverable \(rejected\)\s+\d\s+0\.00 \(currency unknown\)/,
    );
    expect(lines[4]).toMatch(/^missing-t4\s+not found\s+.*SMSBAT does not know this message id$/);

    const served = requestsFor(ids, since).sort((a, b) => a.at - b.at);
    expect(served.map((r) => r.auth)).toEqual(['basic', 'basic', 'basic', 'basic']);
    // 5/s starts them 200 ms apart. Connection set-up makes single gaps jitter on a busy machine, so the bound is on
    // the span of all four (600 ms when paced), with wide slack.
    const span = (served.at(-1)?.at ?? 0) - (served[0]?.at ?? 0);
    expect(span).toBeGreaterThanOrEqual(450);
  });

  it('check --json reads ids from stdin, reports rejects and repeats, and can use Basic @:key', async () => {
    const since = sim.simulator.requests().length;
    const result = await runCli(['check', '--json'], {
      env: simEnv({ SMSBAT_AUTH: 'basic-api-key' }),
      stdin: 'fast-fallback-j1\nfast-fallback-j1, bad/id\n',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('skipped 1 token that is not a message id');
    expect(result.stderr).toContain('"bad/id" contains "/"');
    expect(result.stderr).toContain('ignored 1 repeated id');
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({
      id: 'fast-fallback-j1',
      found: true,
      status: 'delivered',
      words: 'delivered',
      kind: 'delivered',
      final: true,
      channels: [
        { channel: 'viber', status: expect.stringMatching(/^(expired|undeliverable)$/) as unknown },
        { channel: 'sms', status: 'delivered' },
      ],
      charge: { currency: expect.stringMatching(/^(UAH|USD|EUR)$/) as unknown },
      error: null,
    });
    expect(requestsFor(['fast-fallback-j1'], since).map((r) => r.auth)).toEqual(['basic-api-key']);
  });

  it('watch prints each change and a summary, and exits 0 when every message is delivered', async () => {
    // fast-sms-w2 is new to the simulator: first "queued", then delivered at the --deadline re-check (1 s = 100 s).
    const result = await runCli(['watch', '--deadline', '1', 'fast-viber-w1', 'fast-sms-w2'], {
      env: simEnv(),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(
      /^\d\d:\d\d:\d\d {2}fast-viber-w1 {2}delivered {2}\(viber: delivered, sms: not_used; 1 part; [\d.]+ (UAH|USD|EUR)\)$/m,
    );
    expect(out).toMatch(/^\d\d:\d\d:\d\d {2}fast-sms-w2 {4}queued for sending {2}\(\d parts?\)$/m);
    // Seen at the re-check the --deadline asks for, so after that deadline: a late delivery.
    expect(out).toMatch(
      /^\d\d:\d\d:\d\d {2}fast-sms-w2 {4}delivered late {2}\(\d+ s after its deadline; \d parts?; [\d.]+ \(currency unknown\)\)$/m,
    );
    expect(out.indexOf('fast-sms-w2    queued')).toBeLessThan(out.indexOf('fast-sms-w2    delivered'));
    expect(out).toContain('Delivered late: 1 message arrived after the deadline');
    expect(out).toContain('Summary: 2 messages: 2 delivered');
    expect(out).toContain('Delivery rate: 100% (2 of 2 with a final status)');
    expect(out).toMatch(/^Cost: .*for 1 message/m);
  });

  it('watch --json writes NDJSON and exits 1 when a message failed or was not found', async () => {
    const result = await runCli(
      [
        'watch',
        '--json',
        '--label',
        'batch-7',
        '--not-found-retries',
        '0',
        'undeliverable-fallback-n1',
        'fast-viber-n2',
        'missing-n3',
      ],
      { env: simEnv() },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const changes = lines.filter((line) => line.type === 'change');
    expect(changes.find((c) => c.id === 'undeliverable-fallback-n1' && c.event === 'failed')).toMatchObject({
      status: 'undeliverable',
      words: 'undeliverable (rejected)',
      kind: 'failed',
      phase: 'final',
      label: 'batch-7',
    });
    expect(changes.find((c) => c.id === 'fast-viber-n2')).toMatchObject({
      status: 'delivered',
      kind: 'delivered',
    });
    expect(changes.find((c) => c.id === 'missing-n3')).toMatchObject({
      event: 'not_found',
      phase: 'not_found',
    });
    expect(lines.some((line) => line.type === 'health')).toBe(true);
    expect(lines.at(-1)).toMatchObject({
      type: 'summary',
      label: 'batch-7',
      ended: 'settled',
      exitCode: 1,
      total: 3,
      counts: { delivered: 1, failed: 1, not_found: 1 },
    });
  });

  it('watch --timeout exits 2 and names the messages still pending', async () => {
    const result = await runCli(['watch', '--timeout', '1', 'stuck-s1'], { env: simEnv() });
    expect(result.code).toBe(2);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.stderr).toContain(
      'Stopped after --timeout 1 s: 1 message still without a final status: stuck-s1',
    );
    expect(result.stdout).toContain('Summary: 1 message: 1 still on the way');
  });

  it('Ctrl-C during a watch prints the summary so far and exits 130', async () => {
    const { child, done } = startCli(['watch', 'stuck-i1'], { env: simEnv() });
    let seen = '';
    await new Promise<void>((resolveSeen) => {
      child.stdout?.on('data', (chunk: string) => {
        seen += chunk;
        if (seen.includes('stuck-i1')) resolveSeen();
      });
    });
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Stopped by Ctrl-C: 1 message still without a final status: stuck-i1');
    expect(result.stdout).toContain('Summary: 1 message: 1 still on the way');
  });

  it('rejected credentials stop a watch at once with exit 3, saying what to do, never showing the key', async () => {
    const wrongKey = 'wrong-secret-key-7777';
    const since = sim.simulator.requests().length;
    const result = await runCli(['watch', '--json', 'fast-a1', 'fast-a2'], {
      env: simEnv({ SMSBAT_API_KEY: wrongKey }),
    });
    expect(result.code).toBe(3);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.stderr).toMatch(/SMSBAT rejected the credentials/);
    expect(result.stderr).toMatch(/Sent: the API key in SMSBAT_API_KEY/);
    expect(result.stderr).toMatch(/Fix: /);
    expect(result.stdout + result.stderr).not.toContain(wrongKey);
    expect(result.stdout + result.stderr).not.toContain('7777');
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const blockers = lines.map((line) => (line.blocker ?? null) as { readonly kind: string } | null);
    expect(blockers.some((blocker) => blocker?.kind === 'credentials_rejected')).toBe(true);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', ended: 'auth_failed', exitCode: 3 });
    const unauthorized = requestsFor(['fast-a1', 'fast-a2'], since).filter((r) => !r.authorized);
    expect(unauthorized.length).toBeGreaterThan(0);
    expect(unauthorized.length).toBeLessThanOrEqual(2);
  });

  it('missing credentials, bad arguments and credential options exit 3 with the fix', async () => {
    const missing = await runCli(['check', 'abc123'], { env: { SMSBAT_BASE_URL: sim.url } });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/No SMSBAT credentials found\. Set SMSBAT_API_KEY/);

    const badRate = await runCli(['watch', '--rate', '80', 'abc123'], { env: simEnv() });
    expect(badRate.code).toBe(3);
    expect(badRate.stderr).toMatch(/--rate 80 is above SMSBAT's limit of 50/);

    const keyArgument = await runCli(['check', '--api-key=topsecret-999', 'abc123'], { env: simEnv() });
    expect(keyArgument.code).toBe(3);
    expect(keyArgument.stderr).toMatch(/credentials are read only from the environment/);
    expect(keyArgument.stdout + keyArgument.stderr).not.toContain('topsecret-999');
  });

  it('demo runs with nothing configured (cut short here by --timeout: exit 2)', async () => {
    const result = await runCli(['demo', '--json', '--timeout', '1.5']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(2);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const changed = new Set(lines.filter((line) => line.type === 'change').map((line) => line.id));
    expect(changed.size).toBeGreaterThanOrEqual(10); // every demo id is checked at once (12 at 10/s)
    expect(lines.at(-1)).toMatchObject({ type: 'summary', ended: 'timeout', exitCode: 2, total: 12 });
  });

  it('check and watch exit 3 on a base URL that is not SMSBAT, naming it, instead of reporting ids not found', async () => {
    const web = await notSmsbat();
    try {
      const env = { SMSBAT_BASE_URL: web.url, SMSBAT_API_KEY: KEY };
      const check = await runCli(['check', 'abc123', 'def456'], { env });
      expect(check.code).toBe(3);
      expect(check.stderr).toContain(`${web.url} does not answer like SMSBAT: HTTP 404 with an HTML page`);
      expect(check.stderr).toContain('Address: from SMSBAT_BASE_URL.');
      expect(check.stdout).not.toContain('not found');

      const watch = await runCli(['watch', '--json', 'abc123', 'def456'], { env });
      expect(watch.code).toBe(3);
      expect(watch.ms).toBeLessThan(10_000);
      expect(watch.stderr).toContain(`${web.url} does not answer like SMSBAT`);
      const lines = watch.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.some((line) => line.event === 'not_found')).toBe(false);
      expect(lines.at(-1)).toMatchObject({ type: 'summary', ended: 'wrong_base_url', exitCode: 3 });
    } finally {
      await web.close();
    }
  });

  it('watch --json prints an engine health event only after the changes that led to it', async () => {
    const closed = await notSmsbat();
    await closed.close(); // Nothing listens there any more: every check fails to connect.
    const { child, done } = startCli(['watch', '--json', 'fast-o1', 'fast-o2', 'fast-o3'], {
      env: { SMSBAT_BASE_URL: closed.url, SMSBAT_API_KEY: KEY },
    });
    let seen = '';
    await new Promise<void>((resolveSeen) => {
      child.stdout?.on('data', (chunk: string) => {
        seen += chunk;
        if (seen.includes('"offline"')) resolveSeen();
      });
    });
    child.kill('SIGINT');
    const result = await done;
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const offline = lines.findIndex(
      (line) => line.type === 'health' && (line.blocker as { kind?: string } | null)?.kind === 'offline',
    );
    expect(offline).toBeGreaterThan(0);
    const failedChecks = lines.filter((line) => line.type === 'change' && line.event === 'check_failed');
    expect(failedChecks.map((line) => line.id).sort()).toEqual(['fast-o1', 'fast-o2', 'fast-o3']);
    for (const line of failedChecks) expect(lines.indexOf(line)).toBeLessThan(offline);
  });

  it('Ctrl-C during a check prints the results it has, then exits 130', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `fast-c${i}`);
    const since = sim.simulator.requests().length;
    const { child, done } = startCli(['check', '--rate', '4', ...ids], { env: simEnv() });
    await until(() => requestsFor(ids, since).length >= 3, 10_000, 'a few checks');
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    const rows = result.stdout.trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(40);
    const answered = rows.filter((row) => !row.includes('not checked'));
    expect(answered.length).toBeGreaterThanOrEqual(2);
    expect(answered.length).toBeLessThan(40);
    expect(rows.at(-1)).toMatch(/^fast-c39\s+not checked\s.*interrupted before an answer$/);
    expect(result.stderr).toMatch(/stopped by Ctrl-C before \d+ ids could be checked/);
  });

  it('watch reads ids from stdin as they arrive, checks a new one within 2 s among hundreds pending', async () => {
    const pending = Array.from({ length: 200 }, (_, i) => `stuck-q${i}`);
    const since = sim.simulator.requests().length;
    const { child, done } = startCli(['watch', '--json', '--rate', '50', '--deadline', '30'], {
      env: simEnv(),
      stdin: `${pending.slice(0, 100).join('\n')}\n`,
      keepStdinOpen: true,
    });
    // Ids arrive over time, each watched as its line is read: no waiting for stdin to close.
    await until(
      () => new Set(requestsFor(pending.slice(0, 100), since).map((r) => r.messageId)).size >= 100,
      15_000,
      'the first lines',
    );
    child.stdin?.write(`${pending.slice(100).join('\n')}\n`);
    const checkedIds = (): number => new Set(requestsFor(pending, since).map((r) => r.messageId)).size;
    await until(() => checkedIds() >= 200, 15_000, 'every pending id');
    const written = Date.now();
    child.stdin?.write('fast-q-new\n');
    await until(() => requestsFor(['fast-q-new'], since).length > 0, 10_000, 'the new id');
    const firstCheck = requestsFor(['fast-q-new'], since)[0]?.at ?? Number.POSITIVE_INFINITY;
    expect(firstCheck - written).toBeLessThan(2_000);
    // The watch goes on while stdin is open (stuck ids never settle); Ctrl-C ends it with the summary so far.
    expect(child.exitCode).toBeNull();
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    const summary = JSON.parse(result.stdout.trimEnd().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(summary).toMatchObject({ type: 'summary', total: 201 });
  });

  it('watch --deadline 30 checks an id written among 300 pending ids with deadlines within 2 s, at the default rate', async () => {
    const pending = Array.from({ length: 300 }, (_, i) => `stuck-d${i}`);
    const since = sim.simulator.requests().length;
    const { child, done } = startCli(['watch', '--json', '--deadline', '30'], {
      env: simEnv(),
      keepStdinOpen: true,
    });
    // 25 ids every 3 s: each id's first check and re-checks before its deadline ask for about three times the
    // default 10 requests a second, so checks of ids with deadlines are always waiting.
    for (let batch = 0; batch < 12; batch += 1) {
      child.stdin?.write(`${pending.slice(batch * 25, (batch + 1) * 25).join('\n')}\n`);
      await new Promise((resolveWait) => setTimeout(resolveWait, 3_000));
    }
    const written = Date.now();
    child.stdin?.write('fast-d-new\n');
    await until(() => requestsFor(['fast-d-new'], since).length > 0, 20_000, 'the new id');
    const firstCheck = requestsFor(['fast-d-new'], since)[0]?.at ?? Number.POSITIVE_INFINITY;
    // 2 s is the promise; the extra half second absorbs a loaded machine (it was about 21 s before).
    expect(firstCheck - written).toBeLessThan(2_500);
    expect(child.exitCode).toBeNull();
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    const summary = JSON.parse(result.stdout.trimEnd().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(summary).toMatchObject({ type: 'summary', total: 301 });
  }, 90_000);

  it('watch ends when stdin has closed and every id piped in has settled', async () => {
    const { child, done } = startCli(['watch', '--json'], {
      env: simEnv(),
      stdin: 'fast-viber-t1\n',
      keepStdinOpen: true,
    });
    let seen = '';
    await new Promise<void>((resolveSeen) => {
      child.stdout?.on('data', (chunk: string) => {
        seen += chunk;
        if (seen.includes('"delivered"')) resolveSeen();
      });
    });
    // Settled, but stdin is still open: more ids may come.
    await new Promise((resolveWait) => setTimeout(resolveWait, 300));
    expect(child.exitCode).toBeNull();
    child.stdin?.end('fast-sms-t2, not/an/id\n');
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('"not/an/id" contains "/"');
    const summary = JSON.parse(result.stdout.trimEnd().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(summary).toMatchObject({ type: 'summary', ended: 'settled', total: 2, counts: { delivered: 2 } });
  });

  it('the built file is a Node script with a shebang', () => {
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('the built file is executable, as npm bins must be', () => {
    expect(isExecutable(CLI)).toBe(true);
  });

  it('`npx smsbat-monitor --help` resolves the package bin from the repo root', async () => {
    const result = await new Promise<CliResult>((resolveRun, reject) => {
      const started = Date.now();
      const child = spawn('npx', ['--no-install', 'smsbat-monitor', '--help'], {
        cwd: ROOT,
        env: cliEnv(),
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        resolveRun({ code, stdout, stderr, ms: Date.now() - started });
      });
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage:\n  smsbat-monitor check <id...>');
  });
});
