/** Somewhere the CLI writes text: stdout, stderr, or a test's buffer. */
export interface TextSink {
  write(text: string): unknown;
  /** True when it is an interactive terminal (progress lines are drawn only there). */
  readonly isTTY?: boolean;
}

/** Where message ids may be piped in from. `isTTY` is true when it is an interactive terminal. */
export interface TextSource extends AsyncIterable<string | Uint8Array> {
  readonly isTTY?: boolean;
}

/** The signals the CLI stops cleanly on. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** Everything the CLI touches outside itself, so `run` can be tested in process without a child process. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Null when there is no standard input at all. */
  readonly stdin: TextSource | null;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Subscribes to Ctrl-C and SIGTERM while a long command runs; returns the unsubscribe function. */
  readonly onSignal: (listener: (signal: StopSignal) => void) => () => void;
}
