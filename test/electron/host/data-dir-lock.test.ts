import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DataDirLockedError,
  decideLock,
  LOCK_FILE_NAME,
} from '../../../electron/host/data-dir-lock';
import { ensureBuiltApp } from '../main/built-app';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const holder = { pid: 4242, port: 5173, startedAt: 1_700_000_000_000 };

describe('whether a data folder can be taken', () => {
  it('is free without a lock, ours when we wrote it, held while its process lives, stale once it is gone', () => {
    const alive = (pid: number) => pid === 4242;
    expect(decideLock('absent', 1, alive)).toEqual({ kind: 'free' });
    expect(decideLock({ ...holder, pid: 1 }, 1, alive)).toEqual({ kind: 'ours' });
    expect(decideLock(holder, 1, alive)).toEqual({ kind: 'held', holder });
    expect(decideLock({ ...holder, pid: 4243 }, 1, alive)).toEqual({
      kind: 'stale',
      holder: { ...holder, pid: 4243 },
    });
    expect(decideLock('unreadable', 1, alive)).toEqual({ kind: 'stale', holder: null });
  });
});

describe('the lock file in one process', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'smsbat-lock-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes pid, port and start time, refuses a live holder in one line, and takes over a stale or broken one', async () => {
    const lock = await acquireDataDirLock(dir, { pid: 10, startedAt: 5 });
    await lock.setPort(8123);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8'))).toEqual({
      pid: 10,
      port: 8123,
      startedAt: 5,
    });
    const refused = acquireDataDirLock(dir, { pid: 11, isAlive: () => true });
    await expect(refused).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(refused).rejects.toThrow(/pid 10 at http:\/\/127\.0\.0\.1:8123/);
    const takeover = await acquireDataDirLock(dir, { pid: 12, isAlive: () => false });
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: 12 });
    await takeover.release();
    await writeFile(join(dir, LOCK_FILE_NAME), '{"pid":');
    const overBroken = await acquireDataDirLock(dir, { pid: 13, isAlive: () => true });
    await overBroken.release();
    await expect(readFile(join(dir, LOCK_FILE_NAME))).rejects.toThrow();
  });
});

function startBrowserHost(dataDir: string): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/start-browser.ts', '--no-open', '--data-dir', dataDir],
    {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('two browser hosts on one data folder', () => {
  let dir: string;
  const started: ChildProcess[] = [];
  beforeAll(async () => {
    ensureBuiltApp();
    dir = await mkdtemp(join(tmpdir(), 'smsbat-two-hosts-'));
  }, 180_000);
  afterAll(async () => {
    for (const child of started) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses the second in one line naming the first, and takes over once the first is gone', async () => {
    const first = startBrowserHost(dir);
    started.push(first.child);
    await until('the first host', () => first.output().includes('open http://127.0.0.1'));
    const port = /127\.0\.0\.1:(\d+)/.exec(first.output())?.[1];

    const second = startBrowserHost(dir);
    started.push(second.child);
    expect(await second.exited).toBe(1);
    expect(second.output().trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Another SMSBAT Delivery Monitor is already running on .* \\(pid ${String(first.child.pid)} at http://127\\.0\\.0\\.1:${String(port)},`,
        ),
      ),
    ]);

    first.child.kill('SIGKILL');
    await first.exited;
    const third = startBrowserHost(dir);
    started.push(third.child);
    await until('the third host to take the stale lock over', () =>
      third.output().includes('open http://127.0.0.1'),
    );
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);
    await expect(readFile(join(dir, LOCK_FILE_NAME))).rejects.toThrow();
  }, 90_000);
});
