/**
 * A mistake in how the CLI was called or configured (unknown option, bad number, missing credentials...).
 * `message` names the problem and the fix; it never contains a credential. Exits with code 3.
 */
export class UsageError extends Error {
  /** The command whose `--help` to point at, or null for the top-level help. */
  readonly command: string | null;

  constructor(message: string, command: string | null = null) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}
