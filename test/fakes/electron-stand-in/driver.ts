import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FromApp, StandInCommand, ToApp } from './control';
import type { StandInRecord } from './recorder';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The built main process and the hook that gives it the stand-in for `electron`. */
export const BUILT_MAIN = join(ROOT, 'out', 'main', 'index.js');
const REGISTER = join(import.meta.dirname, 'register.ts');

/** How a launched app ended. */
export interface AppExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * The built desktop app running under plain Node in a child process, with Electron replaced by the recording
 * stand-in: the test sees every record as it happens and sends commands (the window's bridge, a closed window,
 * waking from sleep, quitting).
 */
export class LaunchedApp {
  readonly records: StandInRecord[] = [];
  readonly exited: Promise<AppExit>;
  output = '';
  readonly #child: ChildProcess;
  readonly #replies = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  readonly #waiters = new Set<() => void>();
  #nextId = 1;
  #exit: AppExit | null = null;

  /** Starts the built main process with exactly this environment (nothing inherited but PATH and HOME). */
  constructor(env: Readonly<Record<string, string>>, mainPath: string = BUILT_MAIN) {
    this.#child = fork(mainPath, [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx', '--import', REGISTER],
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        ...env,
        ELECTRON_STAND_IN_CONTROL: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const collect = (chunk: Buffer): void => {
      this.output += chunk.toString('utf8');
    };
    this.#child.stdout?.on('data', collect);
    this.#child.stderr?.on('data', collect);
    this.#child.on('message', (message: FromApp) => {
      if (message.type === 'record') {
        this.records.push(message.record as StandInRecord);
        for (const wake of [...this.#waiters]) wake();
        return;
      }
      const reply = this.#replies.get(message.id);
      this.#replies.delete(message.id);
      if (message.ok) reply?.resolve(message.value);
      else reply?.reject(new Error(message.error));
    });
    this.exited = new Promise((resolve) => {
      this.#child.once('exit', (code, signal) => {
        this.#exit = { code, signal };
        for (const reply of this.#replies.values())
          reply.reject(new Error(`the app exited (${String(code ?? signal)})`));
        for (const wake of [...this.#waiters]) wake();
        resolve(this.#exit);
      });
    });
  }

  /** Runs a command inside the app. */
  command(command: StandInCommand): Promise<unknown> {
    if (this.#exit !== null) return Promise.reject(new Error('the app has exited'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#replies.set(id, { resolve, reject });
      this.#child.send({ type: 'command', id, command } satisfies ToApp);
    });
  }

  /** Calls one function of the window's bridge, as the page would. */
  bridge<T = unknown>(name: string, payload: unknown = {}): Promise<T> {
    return this.command({ op: 'bridge', name, payload }) as Promise<T>;
  }

  /** Records of one API, e.g. `Notification.show`. */
  calls(api: string): StandInRecord[] {
    return this.records.filter((entry) => entry.api === api);
  }

  /** Waits until `found` returns something for the records so far (or fails after `timeoutMs`, saying `what`). */
  async waitFor<T>(
    what: string,
    found: (records: readonly StandInRecord[]) => T | undefined,
    timeoutMs = 20_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = found(this.records);
      if (value !== undefined) return value;
      if (this.#exit !== null) throw new Error(`the app exited before ${what}:\n${this.output}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}:\n${this.output}`);
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          this.#waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 250));
        this.#waiters.add(wake);
      });
    }
  }

  /** Ends the process if it is still running (after a failed test). */
  kill(): void {
    if (this.#exit === null) this.#child.kill('SIGKILL');
  }
}
