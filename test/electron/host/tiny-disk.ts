import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small RAM disk mounted for a test: fill it to see a full disk, remount it read-only to see a read-only one. */
export interface TinyDisk {
  readonly path: string;
  /** Remounts the disk read-only (or writable again). */
  setReadOnly(readOnly: boolean): void;
  /** Unmounts and removes the mount point. */
  remove(): Promise<void>;
}

/**
 * Mounts a tmpfs of `sizeKb` on a fresh temporary directory. Needs root (these tests run as root); throws with
 * that explanation otherwise.
 */
export async function mountTinyDisk(sizeKb: number): Promise<TinyDisk> {
  const path = await mkdtemp(join(tmpdir(), 'smsbat-tiny-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', path], { stdio: 'pipe' });
  } catch (error) {
    await rm(path, { recursive: true, force: true });
    throw new Error(`Mounting a ${sizeKb} KB tmpfs needs root: ${String(error)}`, { cause: error });
  }
  return {
    path,
    setReadOnly(readOnly) {
      execFileSync('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, path], { stdio: 'pipe' });
    },
    async remove() {
      // Lazily: lmdb keeps a read-only database's file open until the process ends.
      execFileSync('umount', ['-l', path], { stdio: 'pipe' });
      await rm(path, { recursive: true, force: true });
    },
  };
}
