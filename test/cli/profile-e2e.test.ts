import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InProcessSimulatorClient } from '../../bench/in-process-client';
import { MonitorEngine } from '../../electron/core/monitor-engine';
import { createSimulator } from '../../electron/core/simulator';
import { VirtualClock } from '../../electron/core/virtual-clock';
import { APP_DIR_NAME } from '../../electron/host/data-dir';
import { JsonFileProfileStore } from '../../electron/host/profile-file-store';

/**
 * `smsbat-monitor profile` as a child process of the BUILT command (`out/cli/smsbat-monitor.js`, made by
 * `npm test` or `npx vite build --config vite.cli.config.ts`), reading what the engine saved in a data directory.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'out/cli/smsbat-monitor.js');

function runCli(args: readonly string[], env: Record<string, string>) {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('SMSBAT_') && name !== 'XDG_CONFIG_HOME'),
  );
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...base, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end();
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolveDone, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      resolveDone({ code, stdout, stderr });
    });
  });
}

/** An engine that watched 150 messages on the simulator for half an hour (virtual time) and stopped. */
async function learnInto(dataDir: string): Promise<void> {
  const clock = new VirtualClock();
  const simulator = createSimulator({ clock, seed: 5, rateLimit: null });
  const engine = new MonitorEngine({
    client: new InProcessSimulatorClient(simulator, clock, 80),
    clock,
    profileStore: new JsonFileProfileStore(dataDir, () => undefined),
  });
  await engine.start();
  const ids = Array.from({ length: 150 }, (_, i) => `learned-${i}`);
  for (const id of ids) simulator.markSent(id, clock.now());
  engine.watch(ids);
  await clock.advanceBy(30 * 60_000);
  await engine.stop();
}

describe('smsbat-monitor profile', () => {
  it('says nothing is learned yet when the app never saved a profile', async () => {
    const config = await mkdtemp(join(tmpdir(), 'profile-cli-'));
    const result = await runCli(['profile'], { XDG_CONFIG_HOME: config });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing learned yet');
    expect(result.stdout).toContain(join(config, APP_DIR_NAME, 'delivery-profile.json'));
  });

  it("prints the share final by 10 s, 30 s, 2 min, 10 min and 1 h from the app's data directory", async () => {
    const config = await mkdtemp(join(tmpdir(), 'profile-cli-'));
    await learnInto(join(config, APP_DIR_NAME));
    const text = await runCli(['profile'], { XDG_CONFIG_HOME: config });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/final by\s+10 s\s+30 s\s+2 min\s+10 min\s+1 h\s+finals/);
    expect(text.stdout).toMatch(/all messages(\s+\d+ %){5}\s+\d+/);
    const json = await runCli(['profile', '--json'], { XDG_CONFIG_HOME: config });
    const parsed = JSON.parse(json.stdout) as {
      learned: boolean;
      finals: number;
      shareFinalBy: Record<string, number>;
    };
    expect(parsed.learned).toBe(true);
    expect(parsed.finals).toBeGreaterThan(100);
    // The default delivery model: most messages final within a minute or two, nearly all within the hour.
    expect(parsed.shareFinalBy['3600']).toBeGreaterThan(parsed.shareFinalBy['10'] ?? 1);
    expect(parsed.shareFinalBy['3600']).toBeGreaterThan(0.9);
  });

  it('refuses a file that is not a saved profile, with exit 3', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'profile-cli-'));
    const file = join(dir, 'other.json');
    await writeFile(file, '{"hello": "world"}');
    const result = await runCli(['profile', '--profile-file', file], {});
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('not a delivery profile');
  });
});
