import { closeSync, mkdirSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';

/** What the second instance tells the first, as Electron's `second-instance` event carries it. */
export interface SecondInstanceMessage {
  readonly argv: readonly string[];
  readonly workingDirectory: string;
  readonly additionalData: unknown;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Electron's single-instance lock, per user-data folder as Electron keeps it: a `SingletonLock` naming the holder
 * and a `SingletonSocket` the first instance listens on. Synchronous like `app.requestSingleInstanceLock()`.
 */
export class SingleInstanceLock {
  #server: Server | null = null;
  #lockPath: string | null = null;
  /** Delivery of a second launch to the first instance, still under way. */
  pending: Promise<void> = Promise.resolve();

  /** Takes the lock, or tells the holder about this launch and returns false. */
  request(
    userData: string,
    message: SecondInstanceMessage,
    onSecondInstance: (message: SecondInstanceMessage) => void,
  ): boolean {
    mkdirSync(userData, { recursive: true });
    const lockPath = join(userData, 'SingletonLock');
    const socketPath = join(userData, 'SingletonSocket');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        const fd = openSync(lockPath, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        this.#lockPath = lockPath;
        rmSync(socketPath, { force: true });
        this.#server = createServer((socket) => {
          let text = '';
          socket.setEncoding('utf8');
          socket.on('data', (chunk: string) => (text += chunk));
          socket.on('end', () => {
            onSecondInstance(JSON.parse(text) as SecondInstanceMessage);
          });
        }).listen(socketPath);
        this.#server.unref();
        process.once('exit', () => {
          this.release();
        });
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number(readFileSync(lockPath, 'utf8'));
        if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
          this.pending = new Promise<void>((resolve) => {
            const socket = connect(socketPath, () => {
              socket.end(JSON.stringify(message));
            });
            socket.on('close', () => {
              resolve();
            });
            socket.on('error', () => {
              resolve();
            });
          });
          return false;
        }
        rmSync(lockPath, { force: true });
      }
    }
    return false;
  }

  /** Whether this process holds the lock. */
  get held(): boolean {
    return this.#lockPath !== null;
  }

  /** Gives the lock up. */
  release(): void {
    this.#server?.close();
    this.#server = null;
    if (this.#lockPath !== null) {
      try {
        unlinkSync(this.#lockPath);
      } catch {
        // Already gone.
      }
    }
    this.#lockPath = null;
  }
}
