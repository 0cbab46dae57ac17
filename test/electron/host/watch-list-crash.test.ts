import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LmdbWatchListStore } from '../../../electron/host/lmdb-watch-list-store';
import { tempDir } from './host-test-kit';

const CHILD = fileURLToPath(new URL('./watch-list-crash-child.ts', import.meta.url));
const ROUNDS = 6;

const dirs: string[] = [];

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Runs the child until it has acknowledged ids for `killAfterMs`, kills it with SIGKILL, returns every acked id. */
async function ackedUntilKilled(dataDir: string, round: number, killAfterMs: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(round), 'lmdb'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked: string[] = [];
  const errors: string[] = [];
  let buffered = '';
  let timer: NodeJS.Timeout | undefined;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('ack ')) acked.push(...line.slice(4).split(' '));
      else if (line.startsWith('error ')) errors.push(line);
      else if (line === 'ready')
        timer = setTimeout(() => {
          child.kill('SIGKILL');
        }, killAfterMs);
    }
  });
  const exit = await new Promise<NodeJS.Signals | number | null>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve(signal ?? code);
    });
  });
  clearTimeout(timer);
  expect(exit).toBe('SIGKILL');
  expect(errors).toEqual([]);
  return acked;
}

describe('a kill -9 while ids are added', () => {
  it('loses no id whose watch was answered, at any moment, round after round', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const allAcked: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const acked = await ackedUntilKilled(dataDir, round, 150 + Math.floor(Math.random() * 700));
      allAcked.push(...acked);
      const store = new LmdbWatchListStore({ dataDir, onProblem: () => undefined });
      const saved = new Set((await store.load()).map((record) => record.id));
      await store.close();
      const lost = allAcked.filter((id) => !saved.has(id));
      expect({ round, lost: lost.slice(0, 5), lostCount: lost.length }).toEqual({
        round,
        lost: [],
        lostCount: 0,
      });
      expect(acked.length).toBeGreaterThan(0);
    }
  }, 180_000);
});
