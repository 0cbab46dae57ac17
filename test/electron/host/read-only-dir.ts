import { execFileSync } from 'node:child_process';
import { chmod } from 'node:fs/promises';

/**
 * Makes a real directory read-only for this process: nothing can be created, renamed or removed in it. Root ignores
 * permission bits, so as root the directory is made immutable (`chattr +i`, ext4 and most Linux file systems);
 * anyone else gets mode 0555. Undo with `makeWritable`.
 */
export async function makeReadOnly(dir: string): Promise<void> {
  if (process.getuid?.() === 0) execFileSync('chattr', ['+i', dir]);
  else await chmod(dir, 0o555);
}

/** Undoes `makeReadOnly`. */
export async function makeWritable(dir: string): Promise<void> {
  if (process.getuid?.() === 0) execFileSync('chattr', ['-i', dir]);
  else await chmod(dir, 0o755);
}
