import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostServices, storeErrorMessage } from '../../../electron/host/host-services';
import { PROFILE_FILE_NAME, ProfileFileError } from '../../../electron/host/profile-file-store';
import { createRestartableHostEngine } from '../../../electron/host/restartable-engine';
import { tempDir } from './host-test-kit';

const dirs: string[] = [];

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('what the host says when a file in the data directory cannot be written', () => {
  it('names the learned delivery profile, not the watch list, when the profile cannot be read or saved', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    // A directory where the profile file should be: reading it and renaming a new file over it both fail.
    await mkdir(join(dataDir, PROFILE_FILE_NAME));
    const problems: string[] = [];
    const services = await startHostServices({
      dataDir,
      env: {},
      createEngine: createRestartableHostEngine,
      onProblem: (message) => problems.push(message),
    });
    await services.stop();
    const reading = problems.filter((problem) => problem.startsWith('Reading the learned delivery profile'));
    const saving = problems.filter((problem) => problem.startsWith('Saving the learned delivery profile'));
    expect(reading).toHaveLength(1);
    expect(saving).toHaveLength(1);
    expect(saving[0]).toContain(join(dataDir, PROFILE_FILE_NAME));
    expect(problems.join('\n')).not.toContain('watch list');
  });

  it('names the watch list when the list could not be saved', () => {
    expect(storeErrorMessage(new Error('EACCES'))).toBe(
      'Saving the watch list failed (it is kept in memory and saved again): Error: EACCES',
    );
    expect(storeErrorMessage(new ProfileFileError('save', '/data/delivery-profile.json', 'EACCES'))).toBe(
      'Saving the learned delivery profile (/data/delivery-profile.json) failed: EACCES (the monitor goes on with what it has learned in memory).',
    );
  });
});
