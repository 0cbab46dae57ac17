import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeliveryLearner } from '../../../electron/core/learning';
import { JsonFileProfileStore, PROFILE_FILE_NAME } from '../../../electron/host/profile-file-store';

describe('the learned profile in the data directory', () => {
  it('is saved as delivery-profile.json and read back by the next run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'profile-store-'));
    const problems: string[] = [];
    const store = new JsonFileProfileStore(dir, (message) => problems.push(message));
    expect(await store.load()).toBeNull();
    const learner = new DeliveryLearner();
    for (let i = 0; i < 50; i += 1) learner.observe('sms', 0, 8 + (i % 5), true, 1_000);
    await store.save(learner.save(2_000));
    const again = await new JsonFileProfileStore(dir, (message) => problems.push(message)).load();
    expect(again?.savedAt).toBe(2_000);
    expect(new DeliveryLearner({ saved: again }).summary().events).toBeCloseTo(50, 0);
    // Written whole: no temporary file is left beside it.
    expect(await readdir(dir)).toEqual([PROFILE_FILE_NAME]);
    expect(JSON.parse(await readFile(join(dir, PROFILE_FILE_NAME), 'utf8'))).toMatchObject({ version: 1 });
    expect(problems).toEqual([]);
  });

  it('starts cold from a damaged file, moving it aside and saying so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'profile-store-'));
    await writeFile(join(dir, PROFILE_FILE_NAME), '{"version": 1, "mix');
    const problems: string[] = [];
    expect(await new JsonFileProfileStore(dir, (message) => problems.push(message)).load()).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(PROFILE_FILE_NAME);
  });
});
