import type { CliIo, StopSignal, TextSource } from '../../electron/cli/io';

/** A `CliIo` that records output in memory, for calling `run` in process. */
export interface FakeIo extends CliIo {
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
  /** Delivers a signal to whoever subscribed with `onSignal`. */
  signal(signal: StopSignal): void;
  /** How many signal listeners are subscribed. */
  listeners(): number;
}

/** Options of {@link fakeIo}. */
export interface FakeIoOptions {
  readonly env?: Record<string, string | undefined>;
  /** Text piped into stdin; when absent stdin is an interactive terminal. */
  readonly stdin?: string;
  /** Whether stderr is an interactive terminal. @default false */
  readonly stderrIsTTY?: boolean;
}

/** Makes a fake io: stdout/stderr buffers, stdin from a string (or a TTY), and signals on demand. */
export function fakeIo(options: FakeIoOptions = {}): FakeIo {
  let stdout = '';
  let stderr = '';
  const listeners = new Set<(signal: StopSignal) => void>();
  const text = options.stdin;
  const stdin: TextSource =
    text === undefined
      ? {
          isTTY: true,
          [Symbol.asyncIterator]: () => ({
            next: () => Promise.resolve({ done: true as const, value: undefined }),
          }),
        }
      : {
          isTTY: false,
          async *[Symbol.asyncIterator]() {
            await Promise.resolve();
            yield new TextEncoder().encode(text);
          },
        };
  return {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: options.stderrIsTTY === true },
    stdin,
    env: options.env ?? {},
    onSignal(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    out: () => stdout,
    err: () => stderr,
    signal(signal) {
      for (const listener of [...listeners]) listener(signal);
    },
    listeners: () => listeners.size,
  };
}
