import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_MAIN } from '../../fakes/electron-stand-in/driver';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SOURCES = ['electron', 'shared', 'renderer/src', 'renderer/index.html', 'electron.vite.config.ts'];

function newestIn(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestIn(join(path, name))));
}

/** Builds the app (`electron-vite build`) unless `out/` is newer than every source file. */
export function ensureBuiltApp(): void {
  const built = existsSync(BUILT_MAIN) ? statSync(BUILT_MAIN).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((source) => newestIn(join(ROOT, source))));
  if (built > newest) return;
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
}
