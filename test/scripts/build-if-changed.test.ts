import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprintInputs, needsBuild } from '../../scripts/build-if-changed';

describe('npm start builds only what changed', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function tree(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'build-inputs-'));
    dirs.push(dir);
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    return dir;
  }

  it('builds when an output is missing, when no build was recorded, and when the inputs changed', () => {
    expect(needsBuild('abc', 'abc', false)).toBe(true);
    expect(needsBuild(null, 'abc', true)).toBe(true);
    expect(needsBuild('abc', 'abd', true)).toBe(true);
    expect(needsBuild('abc\n', 'abc', true)).toBe(false);
  });

  it('fingerprints the bytes of the inputs, not their times or the files beside them', async () => {
    const a = await tree({ 'shared/x.ts': 'one', 'renderer/y.tsx': 'two', 'docs/z.md': 'three' });
    const b = await tree({ 'shared/x.ts': 'one', 'renderer/y.tsx': 'two', 'docs/z.md': 'changed' });
    const c = await tree({ 'shared/x.ts': 'one', 'renderer/y.tsx': 'two!' });
    const d = await tree({ 'shared/x.ts': 'one', 'renderer/w.tsx': 'two' });
    expect(fingerprintInputs(a)).toBe(fingerprintInputs(b));
    expect(fingerprintInputs(a)).not.toBe(fingerprintInputs(c));
    expect(fingerprintInputs(a)).not.toBe(fingerprintInputs(d));
  });

  it('ignores node_modules inside an input folder', async () => {
    const a = await tree({ 'renderer/y.tsx': 'two' });
    const b = await tree({ 'renderer/y.tsx': 'two', 'renderer/node_modules/p/index.js': 'x' });
    expect(fingerprintInputs(a)).toBe(fingerprintInputs(b));
  });
});
