import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The folders and files the build reads: a change to any of them means `npm run build` must run again. */
export const BUILD_INPUTS = [
  'electron',
  'renderer',
  'shared',
  'electron.vite.config.ts',
  'vite.cli.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
] as const;

/** What the build leaves that the app needs: the Electron main bundle, the window, the CLI. */
export const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/cli',
];

/** Where the fingerprint of the inputs of the last successful build is kept. */
export const FINGERPRINT_FILE = 'out/.build-fingerprint';

/** Whether to build: when an output is missing, nothing was recorded, or the inputs changed since. */
export function needsBuild(recorded: string | null, current: string, outputsPresent: boolean): boolean {
  return !outputsPresent || recorded === null || recorded.trim() !== current;
}

function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules' && !entry.name.startsWith('.'))
    .flatMap((entry) => filesUnder(root, join(path, entry.name)));
}

/** A hash of every input's path and bytes (not times: a checkout or a copy that changes nothing builds nothing). */
export function fingerprintInputs(root: string, inputs: readonly string[] = BUILD_INPUTS): string {
  const hash = createHash('sha256');
  const files = inputs.flatMap((input) => filesUnder(root, input)).sort();
  for (const file of files) {
    hash.update(relative(root, join(root, file)));
    hash.update('\0');
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function main(root: string): number {
  const current = fingerprintInputs(root);
  const fingerprintPath = join(root, FINGERPRINT_FILE);
  const recorded = existsSync(fingerprintPath) ? readFileSync(fingerprintPath, 'utf8') : null;
  const outputsPresent = BUILD_OUTPUTS.every((output) => existsSync(join(root, output)));
  if (!needsBuild(recorded, current, outputsPresent)) {
    process.stdout.write('The build is up to date.\n');
    return 0;
  }
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;
  writeFileSync(fingerprintPath, `${current}\n`);
  return 0;
}

if (process.argv[1] === import.meta.filename) process.exit(main(join(import.meta.dirname, '..')));
