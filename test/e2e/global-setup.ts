import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Builds the window once when no build is there yet (`npm test` builds before it runs these tests). */
export default function globalSetup(): void {
  const root = join(import.meta.dirname, '..', '..');
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
}
