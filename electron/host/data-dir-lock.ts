import { unlinkSync } from 'node:fs';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock file a running monitor keeps in its data folder. */
export const LOCK_FILE_NAME = 'monitor.lock';

/** Who holds a data folder: written into the lock file. */
export interface LockHolder {
  readonly pid: number;
  /** The browser host's port, or null (the desktop app, or a browser host not listening yet). */
  readonly port: number | null;
  /** When that monitor started (epoch ms). */
  readonly startedAt: number;
}

/** What to do about the lock file found in a data folder. */
export type LockDecision =
  | { readonly kind: 'free' }
  | { readonly kind: 'ours' }
  | { readonly kind: 'stale'; readonly holder: LockHolder | null }
  | { readonly kind: 'held'; readonly holder: LockHolder };

/**
 * Whether a data folder can be taken: free without a lock file, ours when this process wrote it, stale when its
 * process is gone (or the file cannot be read), held while another live process has it.
 */
export function decideLock(
  found: LockHolder | 'absent' | 'unreadable',
  selfPid: number,
  isAlive: (pid: number) => boolean,
): LockDecision {
  if (found === 'absent') return { kind: 'free' };
  if (found === 'unreadable') return { kind: 'stale', holder: null };
  if (found.pid === selfPid) return { kind: 'ours' };
  return isAlive(found.pid) ? { kind: 'held', holder: found } : { kind: 'stale', holder: found };
}

/** The one line that says a data folder is in use, naming the monitor that has it. */
export function lockedMessage(dataDir: string, holder: LockHolder): string {
  const where = holder.port === null ? '' : ` at http://127.0.0.1:${holder.port}`;
  return `Another SMSBAT Delivery Monitor is already running on ${dataDir} (pid ${holder.pid}${where}, started ${new Date(holder.startedAt).toISOString()}): use that one, stop it, or pick another folder with --data-dir.`;
}

/** Thrown when another live monitor holds the data folder; its message is the one line to print. */
export class DataDirLockedError extends Error {
  readonly holder: LockHolder;

  constructor(dataDir: string, holder: LockHolder) {
    super(lockedMessage(dataDir, holder));
    this.name = 'DataDirLockedError';
    this.holder = holder;
  }
}

/** True while a process with this id exists (one we may not signal still exists). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): LockHolder | 'unreadable' {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return 'unreadable';
    return {
      pid: value.pid,
      port: typeof value.port === 'number' ? value.port : null,
      startedAt: typeof value.startedAt === 'number' ? value.startedAt : 0,
    };
  } catch {
    return 'unreadable';
  }
}

async function readHolder(path: string): Promise<LockHolder | 'absent' | 'unreadable'> {
  try {
    return parseHolder(await readFile(path, 'utf8'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'unreadable';
  }
}

/** A data folder this process holds. */
export interface DataDirLock {
  readonly path: string;
  /** Records the port the browser host listens on, for the line a second start prints. */
  setPort(port: number): Promise<void>;
  /** Gives the folder up (only when the lock file is still ours). */
  release(): Promise<void>;
}

/** How the lock is taken. */
export interface AcquireLockOptions {
  /** @default process.pid */
  readonly pid?: number;
  /** @default Date.now() */
  readonly startedAt?: number;
  /** @default isProcessAlive */
  readonly isAlive?: (pid: number) => boolean;
}

/**
 * Takes the data folder for this process: writes the lock file (pid, port, start time) complete, in one step that
 * fails when another exists; a lock left by a process that is gone is taken over. Throws `DataDirLockedError` when
 * another live monitor has it, so two monitors never overwrite each other's files.
 */
export async function acquireDataDirLock(
  dataDir: string,
  options: AcquireLockOptions = {},
): Promise<DataDirLock> {
  const pid = options.pid ?? process.pid;
  const isAlive = options.isAlive ?? isProcessAlive;
  let holder: LockHolder = { pid, port: null, startedAt: options.startedAt ?? Date.now() };
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE_NAME);
  const write = async (): Promise<string> => {
    const temp = `${path}.${pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(holder)}\n`);
    return temp;
  };
  for (let attempt = 0; ; attempt += 1) {
    const temp = await write();
    try {
      await link(temp, path);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
    } finally {
      await rm(temp, { force: true });
    }
    const decision = decideLock(await readHolder(path), pid, isAlive);
    if (decision.kind === 'held') throw new DataDirLockedError(dataDir, decision.holder);
    await rm(path, { force: true });
  }
  const releaseOnExit = (): void => {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', releaseOnExit);
  return {
    path,
    async setPort(port) {
      holder = { ...holder, port };
      const temp = await write();
      await rename(temp, path);
    },
    async release() {
      process.off('exit', releaseOnExit);
      const found = await readHolder(path);
      if (found !== 'absent' && found !== 'unreadable' && found.pid === pid) await rm(path, { force: true });
    },
  };
}
