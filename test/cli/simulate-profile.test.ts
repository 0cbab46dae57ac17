import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../electron/cli/run';
import { DEMO_CREDENTIALS } from '../../electron/core/simulator';
import { fakeIo } from './fake-io';

function profileFile(json: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sim-profile-')), 'profile.json');
  writeFileSync(path, JSON.stringify(json));
  return path;
}

describe('simulate --profile', () => {
  it('serves the outcomes of the profile file it is given', async () => {
    const path = profileFile({
      outcomes: [{ share: 1, status: 'undeliverable', after: { dist: 'uniform', minS: 0, maxS: 0 } }],
    });
    const io = fakeIo();
    const running = run(['simulate', '--port', '0', '--profile', path], io);
    for (let i = 0; i < 200 && !io.out().includes('Press Ctrl-C'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out())?.[1] ?? '';
    const response = await fetch(`${url}/bat/message/any-id-1`, {
      headers: { 'x-authorization-key': DEMO_CREDENTIALS.apiKey },
    });
    expect(((await response.json()) as { deliverystatus: string }).deliverystatus).toBe('undeliverable');
    io.signal('SIGINT');
    expect(await running).toBe(0);
  });

  it('refuses a bad profile file with the field and the reason (exit 3)', async () => {
    const path = profileFile({ outcomes: [{ share: 1.5, status: 'never' }] });
    const io = fakeIo();
    expect(await run(['simulate', '--port', '0', '--profile', path], io)).toBe(3);
    expect(io.err()).toContain(
      `--profile ${path}: the field outcomes[0].share must be a number from 0 to 1 (got 1.5).`,
    );
    expect(io.err().split(path)).toHaveLength(2);
  });

  it('names a file that is not JSON once, and says "not valid JSON" once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'profile-')), 'broken.json');
    writeFileSync(path, 'nope\n');
    const io = fakeIo();
    expect(await run(['simulate', '--port', '0', '--profile', path], io)).toBe(3);
    expect(io.err()).toContain(`--profile ${path}: is not valid JSON`);
    expect(io.err().split(path)).toHaveLength(2);
    expect(io.err().split('not valid JSON')).toHaveLength(2);
  });
});
