import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_MAIN } from '../../fakes/electron-stand-in/driver';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SOURCES = ['electron', 'shared', 'renderer/src', 'renderer/index.html', 'electron.vite.config.ts'];
const LOCK = join(ROOT, 'out', '.build-lock');

function newestIn(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestIn(join(path, name))));
}

function upToDate(): boolean {
  const built = existsSync(BUILT_MAIN) ? statSync(BUILT_MAIN).mtimeMs : 0;
  return built > Math.max(...SOURCES.map((source) => newestIn(join(ROOT, source))));
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the app (`electron-vite build`) unless `out/` is newer than every source file; test files that ask at the
 * same time build it once (the first takes a lock folder, the others wait for it).
 */
export function ensureBuiltApp(): void {
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  for (let waited = 0; !upToDate(); waited += 500) {
    try {
      mkdirSync(LOCK);
    } catch {
      if (waited > 300_000)
        throw new Error(`Another test has been building the app for 5 minutes (${LOCK}).`);
      sleep(500);
      continue;
    }
    try {
      if (!upToDate()) {
        execFileSync(
          process.execPath,
          [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
          { cwd: ROOT, stdio: 'pipe' },
        );
      }
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
