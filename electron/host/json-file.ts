import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What reading a JSON file found. */
export type JsonFileRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'ok'; readonly value: unknown }
  /** The file was not JSON (or not what `accept` expects); it was moved aside to `movedTo`. */
  | { readonly kind: 'corrupt'; readonly movedTo: string; readonly message: string };

/**
 * Reads a JSON file. A file that is not valid JSON, or that `accept` refuses, is renamed to
 * `<name>.corrupt-<time>` so nothing is lost and the app can start afresh; the result says where it went.
 */
export async function readJsonFile(
  path: string,
  accept: (value: unknown) => boolean = () => true,
  now: () => number = Date.now,
): Promise<JsonFileRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let reason: string;
  try {
    const value: unknown = JSON.parse(text);
    if (accept(value)) return { kind: 'ok', value };
    reason = 'it does not hold what the monitor saves there';
  } catch {
    reason = 'it is not valid JSON';
  }
  const stamp = new Date(now()).toISOString().replaceAll(':', '-');
  const movedTo = join(dirname(path), `${basename(path)}.corrupt-${stamp}`);
  await rename(path, movedTo);
  return {
    kind: 'corrupt',
    movedTo,
    message: `${path} could not be read (${reason}); it was moved to ${movedTo} and the monitor starts without it.`,
  };
}

/** Writes JSON atomically: to a temporary file beside the target, then renamed over it. */
export async function writeJsonFileAtomic(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify(value), { encoding: 'utf8', mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Runs writes one after another, and only the newest of those waiting (a queue of one), at least `minGapMs` apart
 * so a long list is not rewritten back to back while it changes.
 */
export class LatestWriteQueue {
  readonly #minGapMs: number;
  #running: Promise<void> = Promise.resolve();
  #pending: (() => Promise<void>) | null = null;
  #pendingDone: Promise<void> | null = null;

  /** @param minGapMs the least time between the end of one write and the start of the next. @default 0 */
  constructor(minGapMs = 0) {
    if (!(minGapMs >= 0)) throw new TypeError(`Expected \`minGapMs\` to be >= 0, got ${minGapMs}`);
    this.#minGapMs = minGapMs;
  }

  /** Schedules a write; resolves when it (or a newer write that replaced it) has finished. */
  enqueue(write: () => Promise<void>): Promise<void> {
    this.#pending = write;
    this.#pendingDone ??= this.#running.then(
      () => this.#runPending(),
      () => this.#runPending(),
    );
    return this.#pendingDone;
  }

  async #runPending(): Promise<void> {
    const write = this.#pending;
    this.#pending = null;
    this.#pendingDone = null;
    if (write === null) return;
    const done = write();
    const gap = (): Promise<void> =>
      new Promise((resolve) => {
        setTimeout(resolve, this.#minGapMs);
      });
    this.#running = this.#minGapMs === 0 ? done : done.then(gap, gap);
    await done;
  }
}
