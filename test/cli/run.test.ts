import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, expect } from 'vitest';
import { DEMO_CREDENTIALS, startSimulator } from '../../electron/core/simulator';
import { run } from '../../electron/cli/run';
import { fakeIo } from './fake-io';

describe('run (in process)', () => {
  it('prints help and the version with exit 0', async () => {
    const io = fakeIo();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out()).toMatch(/Usage:\n {2}smsbat-monitor check <id\.\.\.>/);
    expect(io.out()).toMatch(/Exit codes:/);
    for (const command of ['check', 'watch', 'simulate', 'demo']) {
      const perCommand = fakeIo();
      expect(await run([command, '--help'], perCommand)).toBe(0);
      expect(perCommand.out()).toContain(`Usage: smsbat-monitor ${command}`);
    }
    const version = fakeIo();
    expect(await run(['--version'], version)).toBe(0);
    expect(version.out()).toMatch(/^smsbat-monitor \d+\.\d+\.\d+\n$/);
  });

  it('reports usage mistakes on stderr with exit 3 and a pointer to help', async () => {
    const io = fakeIo();
    expect(await run(['watch', '--rate', '80', 'abc'], io)).toBe(3);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/^smsbat-monitor: --rate 80 is above SMSBAT's limit of 50/);
    expect(io.err()).toContain('Run `smsbat-monitor watch --help` for usage.');
  });

  it('needs credentials from the environment, and ids', async () => {
    const missing = fakeIo({ env: { SMSBAT_BASE_URL: 'http://127.0.0.1:9' } });
    expect(await run(['check', 'abc'], missing)).toBe(3);
    expect(missing.err()).toMatch(/^smsbat-monitor: No SMSBAT credentials found/);
    expect(missing.err()).toContain('Run `smsbat-monitor --help` for usage.');

    // A dead local address, so that a bug here can never reach the real SMSBAT.
    const env = { SMSBAT_API_KEY: 'k-123456', SMSBAT_BASE_URL: 'http://127.0.0.1:9' };
    const noIds = fakeIo({ env });
    expect(await run(['watch'], noIds)).toBe(3);
    expect(noIds.err()).toMatch(/No message ids given\. Pass them as arguments .* or pipe them in/);

    const allRejected = fakeIo({ env, stdin: 'a/b, x?y\n""\n' });
    expect(await run(['check'], allRejected)).toBe(3);
    expect(allRejected.err()).toMatch(/skipped 3 tokens that are not a message id/);
    expect(allRejected.err()).toMatch(/None of the tokens in stdin is a message id/);

    // watch reads stdin as it comes, and says the same once it has closed without an id.
    const watchRejected = fakeIo({ env, stdin: 'a/b, x?y\n' });
    expect(await run(['watch'], watchRejected)).toBe(3);
    expect(watchRejected.err()).toMatch(/skipped 2 tokens that are not a message id/);
    expect(watchRejected.err()).toMatch(/None of the tokens in stdin is a message id/);
    const watchEmpty = fakeIo({ env, stdin: '\n\n' });
    expect(await run(['watch'], watchEmpty)).toBe(3);
    expect(watchEmpty.err()).toMatch(/No message ids in stdin/);
  });

  it('runs the simulator until a signal, printing its URL, demo credentials and how to use it', async () => {
    const io = fakeIo();
    const running = run(['simulate', '--port', '0', '--seed', '3'], io);
    for (let i = 0; i < 100 && !io.out().includes('Press Ctrl-C'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out())?.[1];
    expect(url).toBeDefined();
    expect(io.out()).toContain(
      `SMSBAT_BASE_URL=${url ?? ''} SMSBAT_API_KEY=${DEMO_CREDENTIALS.apiKey} smsbat-monitor watch`,
    );
    const response = await fetch(`${url ?? ''}/bat/message/fast-1`, {
      headers: { 'x-authorization-key': DEMO_CREDENTIALS.apiKey },
    });
    expect(response.status).toBe(200);
    io.signal('SIGINT');
    expect(await running).toBe(0);
    expect(io.out()).toContain('Simulator stopped.');
    expect(io.listeners()).toBe(0);
  });

  it('demo exits 2 when --timeout ended it, even after a demo message failed', async () => {
    const io = fakeIo();
    // The demo's unknown id is reported not found after about 2 s; most others are still on their way at 5 s.
    expect(await run(['demo', '--json', '--timeout', '5'], io)).toBe(2);
    const lines = io
      .out()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; counts?: Record<string, number> });
    const summary = lines.at(-1);
    expect(summary).toMatchObject({ type: 'summary', ended: 'timeout', exitCode: 2 });
    expect((summary?.counts?.not_found ?? 0) + (summary?.counts?.failed ?? 0)).toBeGreaterThan(0);
  });

  it('check draws a progress line on a terminal for a large batch, and none when stderr is not a terminal', async () => {
    const sim = await startSimulator({ rateLimit: null });
    try {
      const ids = Array.from({ length: 30 }, (_, i) => `fast-p${i}`);
      const env = { SMSBAT_BASE_URL: sim.url, SMSBAT_API_KEY: DEMO_CREDENTIALS.apiKey };
      const terminal = fakeIo({ env, stderrIsTTY: true });
      expect(await run(['check', '--rate', '50', ...ids], terminal)).toBe(0);
      expect(terminal.err().startsWith('\r\u001b[KChecked ')).toBe(true);
      expect(terminal.err()).toContain('Checked 30 of 30 ids (100%)');
      // The line is erased before the table, which stays clean.
      expect(terminal.err().endsWith('\r\u001b[K')).toBe(true);
      expect(terminal.out()).not.toContain('Checked');

      const piped = fakeIo({ env });
      expect(await run(['check', '--rate', '50', ...ids], piped)).toBe(0);
      expect(piped.err()).toBe('');
    } finally {
      await sim.close();
    }
  });

  it('says which port is taken', async () => {
    const busy = await startSimulator();
    try {
      const io = fakeIo();
      const port = new URL(busy.url).port;
      expect(await run(['simulate', '--port', port], io)).toBe(3);
      expect(io.err()).toMatch(
        new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use; choose another with --port`),
      );
    } finally {
      await busy.close();
    }
  });
});

describe('watch against a closed port (in process)', () => {
  it('says it cannot reach SMSBAT, and never that SMSBAT is answering again', async () => {
    // Port 9 (discard) on the loopback: nothing listens there, so every check is refused.
    const io = fakeIo({ env: { SMSBAT_API_KEY: 'k-123456', SMSBAT_BASE_URL: 'http://127.0.0.1:9' } });
    expect(await run(['watch', 'abc', 'def', 'ghi', '--timeout', '10'], io)).toBe(2);
    expect(io.err()).toMatch(/cannot reach SMSBAT/);
    expect(io.err(), io.err()).toMatch(/Offline:/);
    expect(io.err()).not.toMatch(/answering again/);
  }, 30_000);
});

describe('a 401 from a server that is not SMSBAT (in process)', () => {
  it('suggests checking the base URL as well as the credentials', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(401, { 'content-type': 'text/plain' });
      response.end('Unauthorized');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${address.port}`;
    try {
      const io = fakeIo({ env: { SMSBAT_API_KEY: 'k-123456', SMSBAT_BASE_URL: url } });
      expect(await run(['check', 'abc'], io)).not.toBe(0);
      expect(io.err()).toMatch(/Fix: Check the key/);
      expect(io.err()).toContain(`If ${url} is not the SMSBAT API`);
      expect(io.err()).toMatch(/SMSBAT_BASE_URL or --base-url/);
    } finally {
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    }
  });
});

describe('an unknown command', () => {
  it('lists every command, profile included', async () => {
    const io = fakeIo();
    expect(await run(['frobnicate'], io)).toBe(3);
    expect(io.err()).toContain('Commands: check, watch, simulate, demo, profile.');
  });
});
