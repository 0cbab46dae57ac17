import { countMessages } from '../../../shared/watch-counts';
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { describeHealth, withSaveBlocker } from '../../../shared/engine-health';
import { aggregateState } from '../../../shared/aggregate-state';
import { MonitorEngine } from '../../../electron/core/monitor-engine';
import {
  NEARLY_FULL_BYTES,
  saveFailedBlocker,
  saveFailureReason,
  WatchListSaveError,
} from '../../../electron/core/save-failure';
import { VirtualClock } from '../../../electron/core/virtual-clock';
import { LmdbWatchListStore, writeBatch } from '../../../electron/host/lmdb-watch-list-store';
import { messageView, runningHealth } from '../../fakes/message-views';
import { tempDir } from '../host/host-test-kit';

const errno = (code: string, message = code): NodeJS.ErrnoException =>
  Object.assign(new Error(message), { code });

describe('why a save failed', () => {
  it('names a full disk, a read-only folder and a database held by another program from the error', () => {
    expect(saveFailureReason(errno('ENOSPC'))).toBe('disk_full');
    expect(saveFailureReason(errno('EDQUOT'))).toBe('disk_full');
    expect(saveFailureReason(new Error('No space left on device: Attempting to write page'))).toBe(
      'disk_full',
    );
    expect(saveFailureReason(errno('EROFS'))).toBe('read_only');
    expect(saveFailureReason(errno('EACCES'))).toBe('read_only');
    expect(saveFailureReason(new Error('Read-only file system: Attempting to setup locks'))).toBe(
      'read_only',
    );
    expect(saveFailureReason(errno('EAGAIN'))).toBe('locked');
    expect(saveFailureReason(Object.assign(new Error('Commit failed'), { code: 28 }))).toBe('other');
    expect(saveFailureReason(Object.assign(new Error('x'), { errno: -28 }))).toBe('disk_full');
    expect(saveFailureReason(new Error('Input/output error'))).toBe('other');
    expect(saveFailureReason('not an error')).toBe('other');
  });

  it('takes an unexplained failure for a full disk below 1 MiB free, and only then', () => {
    const io = new Error('Input/output error');
    expect(NEARLY_FULL_BYTES).toBe(1024 * 1024);
    expect(saveFailureReason(io, NEARLY_FULL_BYTES - 1)).toBe('disk_full');
    expect(saveFailureReason(io, NEARLY_FULL_BYTES)).toBe('other');
    expect(saveFailureReason(io, NEARLY_FULL_BYTES + 1)).toBe('other');
    expect(saveFailureReason(io, null)).toBe('other');
    expect(saveFailureReason(errno('EROFS'), 0)).toBe('read_only');
  });

  it('says what happened and what to do, in one line', () => {
    expect(new WatchListSaveError('disk_full', errno('ENOSPC', 'no space')).message).toBe(
      'Cannot save the watch list: disk full. Free some space on the disk that holds the data folder; the monitor saves again by itself. (no space)',
    );
    expect(saveFailedBlocker(errno('EROFS', 'read-only'))).toEqual({
      kind: 'save_failed',
      reason: 'read_only',
      message:
        'Cannot save the watch list: the data folder is read-only. Give this user write access to it (or move it to a writable disk); the monitor saves again by itself. (read-only)',
    });
  });
});

describe('a failed save in the engine health', () => {
  const blocker = saveFailedBlocker(errno('ENOSPC', 'full'));

  it('outranks the scheduler blockers, and is shown until the health says stopped', () => {
    const rejected = runningHealth(1, { blocker: { kind: 'credentials_rejected', message: '401' } });
    expect(withSaveBlocker(rejected, blocker).blocker).toBe(blocker);
    expect(withSaveBlocker(rejected, null)).toBe(rejected);
    expect(withSaveBlocker(runningHealth(0, { mode: 'stopped' }), blocker).blocker).toBeNull();
    expect(describeHealth(withSaveBlocker(runningHealth(1), blocker), 0)).toBe(blocker.message);
  });

  it('is an error state ranked above rejected credentials and failures', () => {
    const health = withSaveBlocker(
      runningHealth(1, { blocker: { kind: 'credentials_rejected', message: '401' } }),
      blocker,
    );
    const failed = messageView({ id: 'f', statuses: ['undeliverable'] });
    expect(aggregateState({ health, counts: countMessages([failed]) })).toEqual({
      kind: 'save_failed',
      count: 0,
      severity: 'error',
    });
  });
});

describe('the engine on a store that cannot write', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('rejects what it could not save, shows the blocker, and lifts it on the next save that works', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    let diskFull = false;
    const store = new LmdbWatchListStore({
      dataDir,
      onProblem: () => undefined,
      writeBatch: (tables, change) =>
        diskFull ? Promise.reject(errno('ENOSPC', 'No space left on device')) : writeBatch(tables, change),
    });
    const errors: unknown[] = [];
    const engine = new MonitorEngine({
      credentials: null,
      createClient: () => {
        throw new Error('no checks in this test');
      },
      clock: new VirtualClock(),
      store,
      onStoreError: (error) => errors.push(error),
    });
    await engine.start();
    engine.watch(['kept-1']);
    await engine.persisted();

    diskFull = true;
    engine.watch(['unsaved-2']);
    await expect(engine.persisted()).rejects.toThrow(/^Cannot save the watch list: disk full/);
    expect(engine.health.blocker).toMatchObject({ kind: 'save_failed', reason: 'disk_full' });
    expect(engine.snapshot().health.blocker?.kind).toBe('save_failed');
    expect(errors).toHaveLength(1);

    diskFull = false;
    engine.watch(['kept-3']);
    await engine.persisted();
    expect(engine.health.blocker?.kind).not.toBe('save_failed');
    await engine.stop();
    await store.close();

    const reopened = new LmdbWatchListStore({ dataDir, onProblem: () => undefined });
    expect((await reopened.load()).map((record) => record.id).sort()).toEqual([
      'kept-1',
      'kept-3',
      'unsaved-2',
    ]);
    await reopened.close();
  });
});
