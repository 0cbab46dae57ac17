import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltApp } from '../main/built-app';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const dirs: string[] = [];

beforeAll(() => {
  ensureBuiltApp();
}, 180_000);

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('npm start where Electron exists but cannot run', () => {
  it('falls back to the browser host with the reason in one line, and never gave Electron the browser flags', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smsbat-start-'));
    dirs.push(dir);
    // An Electron that aborts at once, as the Linux SUID sandbox makes it, after noting its arguments.
    await writeFile(join(dir, 'electron'), `#!/bin/sh\necho "$@" > "${join(dir, 'args')}"\nkill -TRAP $$\n`);
    await chmod(join(dir, 'electron'), 0o755);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/start.ts', '--no-open', `--data-dir=${join(dir, 'data')}`],
      {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', HOME: dir, ELECTRON_OVERRIDE_DIST_PATH: dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // What it says goes to stdout; problems it reports on the way (no OS keychain here, say) go to stderr.
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.resume();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 30_000;
    while (!output.includes('open http://127.0.0.1') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const lines = output.trim().split('\n');
    expect(lines[0]).toMatch(/^Electron stopped \(signal SIGTRAP\).*; starting the browser host instead\.$/);
    expect(lines[1]).toMatch(/^SMSBAT Delivery Monitor: open http:\/\/127\.0\.0\.1:\d+\//);
    expect((await readFile(join(dir, 'args'), 'utf8')).trim()).toBe(ROOT);
  }, 60_000);
});
