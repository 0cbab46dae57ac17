import { writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeHealth } from '../../../shared/engine-health';
import { startHostServices, type HostServices } from '../../../electron/host/host-services';
import { LmdbWatchListStore } from '../../../electron/host/lmdb-watch-list-store';
import { createRestartableHostEngine } from '../../../electron/host/restartable-engine';
import { mountTinyDisk, type TinyDisk } from './tiny-disk';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tinyDisk(sizeKb: number): Promise<TinyDisk> {
  const disk = await mountTinyDisk(sizeKb);
  cleanups.push(() => disk.remove());
  return disk;
}

async function startOn(dataDir: string, problems: string[] = []): Promise<HostServices> {
  const services = await startHostServices({
    dataDir,
    env: {},
    createEngine: createRestartableHostEngine,
    onProblem: (message) => problems.push(message),
  });
  let stopped = false;
  cleanups.push(async () => {
    if (!stopped) await services.stop().catch(() => undefined);
  });
  return {
    ...services,
    stop: async () => {
      stopped = true;
      await services.stop();
    },
  };
}

/** Writes a file until the disk says it is full. */
async function fillDisk(path: string): Promise<void> {
  await writeFile(path, Buffer.alloc(64 * 1024 * 1024)).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  });
}

async function savedIds(dataDir: string): Promise<string[]> {
  const store = new LmdbWatchListStore({ dataDir, onProblem: () => undefined });
  try {
    return (await store.load()).map((record) => record.id);
  } finally {
    await store.close();
  }
}

describe('a watch list that cannot be saved', () => {
  it('answers a watch with an error on a full disk, shows the blocker, and clears it once a save succeeds', async () => {
    const disk = await tinyDisk(2048);
    const services = await startOn(disk.path);
    await services.handlers.watch({ messageIds: ['saved-1'] });
    const filler = join(disk.path, 'filler');
    await fillDisk(filler);

    await expect(services.handlers.watch({ messageIds: ['unsaved-2'] })).rejects.toThrow(
      /^Cannot save the watch list: disk full\. Free some space/,
    );
    const blocked = services.engine.snapshot().health;
    expect(blocked.blocker).toMatchObject({ kind: 'save_failed', reason: 'disk_full' });
    expect(describeHealth(blocked, Date.now())).toMatch(/^Cannot save the watch list: disk full/);

    await rm(filler);
    await services.handlers.watch({ messageIds: ['saved-3'] });
    // What holds the engine now is only that it has no credentials: the save blocker is gone.
    expect(services.engine.snapshot().health.blocker).toEqual({ kind: 'no_credentials' });
    await services.stop();
    expect((await savedIds(disk.path)).sort()).toEqual(['saved-1', 'saved-3', 'unsaved-2']);
  });

  it('starts from a read-only data folder with the saved list, and answers every watch with an error', async () => {
    const disk = await tinyDisk(4096);
    const first = await startOn(disk.path);
    await first.handlers.watch({ messageIds: ['kept-1', 'kept-2'] });
    await first.stop();
    disk.setReadOnly(true);

    const problems: string[] = [];
    const services = await startOn(disk.path, problems);
    expect(services.engine.snapshot().messages.map((message) => message.id)).toEqual(['kept-1', 'kept-2']);
    await expect(services.handlers.watch({ messageIds: ['new-3'] })).rejects.toThrow(
      /^Cannot save the watch list: the data folder is read-only\. Give this user write access/,
    );
    expect(services.engine.snapshot().health.blocker).toMatchObject({
      kind: 'save_failed',
      reason: 'read_only',
    });
    expect(problems.some((problem) => problem.startsWith('Cannot save the watch list'))).toBe(true);
  });
});
