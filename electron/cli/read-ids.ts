import { MAX_MESSAGE_ID_LENGTH, parseMessageIds } from '../../shared/message-ids';
import type { CliIo, TextSource } from './io';
import { UsageError } from './usage-error';
import { plural } from './format';

/** The most stdin the CLI reads for ids: far more than any real list (5,000 ids per send is SMSBAT's batch). */
export const MAX_STDIN_BYTES = 16 * 1024 * 1024;

/**
 * The message ids of a `check` or `watch`: from the arguments, or (when there are none and stdin is not a
 * terminal) from stdin, parsed with `parseMessageIds`. Rejected tokens and repeats are reported on stderr; throws a
 * `UsageError` when no id is left.
 */
export async function readIds(
  idTokens: readonly string[],
  io: CliIo,
  command: 'check' | 'watch',
): Promise<string[]> {
  let text: string;
  let from: string;
  if (idTokens.length > 0) {
    text = idTokens.join('\n');
    from = 'the arguments';
  } else if (io.stdin !== null && io.stdin.isTTY !== true) {
    text = await readAll(io.stdin, command);
    from = 'stdin';
  } else {
    throw new UsageError(
      `No message ids given. Pass them as arguments (smsbat-monitor ${command} abc123 def456) or pipe them in ` +
        `(smsbat-monitor ${command} < ids.txt), separated by spaces, commas or new lines.`,
      command,
    );
  }

  const parsed = parseMessageIds(text);
  if (parsed.rejected.length > 0) {
    const lines = parsed.rejected.map((rejected) => `  ${rejected.message}`);
    io.stderr.write(
      `smsbat-monitor: skipped ${plural(parsed.rejected.length, 'token')} that ${parsed.rejected.length === 1 ? 'is' : 'are'} not a message id:\n${lines.join('\n')}\n`,
    );
  }
  if (parsed.duplicates > 0) {
    io.stderr.write(`smsbat-monitor: ignored ${plural(parsed.duplicates, 'repeated id')}.\n`);
  }
  if (parsed.ids.length === 0) {
    if (parsed.rejected.length > 0) {
      throw new UsageError(
        `None of the tokens in ${from} is a message id (see above). A message id is 1 to ${MAX_MESSAGE_ID_LENGTH} ` +
          'characters of A-Z, a-z, 0-9, "-", "_", "." and ":", as in the messageId SMSBAT returned when sending.',
        command,
      );
    }
    throw new UsageError(
      `No message ids in ${from}. Give ids as arguments or pipe them in, one per line or separated by commas.`,
      command,
    );
  }
  return [...parsed.ids];
}

async function readAll(source: TextSource, command: 'check' | 'watch'): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for await (const chunk of source) {
    const piece = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (bytes > MAX_STDIN_BYTES) {
      throw new UsageError(
        `stdin holds more than ${MAX_STDIN_BYTES / 1024 / 1024} MiB; that is not a list of message ids. ` +
          'Pipe in only the ids (or split the list).',
        command,
      );
    }
    text += piece;
  }
  return text + decoder.decode();
}
