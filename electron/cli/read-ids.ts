import { MAX_MESSAGE_ID_LENGTH, parseMessageIds, type RejectedToken } from '../../shared/message-ids';
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
  reportRejected(parsed.rejected, io);
  if (parsed.duplicates > 0) {
    io.stderr.write(`smsbat-monitor: ignored ${plural(parsed.duplicates, 'repeated id')}.\n`);
  }
  if (parsed.ids.length === 0) throw noIds(from, parsed.rejected.length > 0, command);
  return [...parsed.ids];
}

/** The longest line `streamIds` waits for the end of: far more than any line of ids. */
export const MAX_LINE_BYTES = 1024 * 1024;

/**
 * The message ids of a `watch` fed through stdin, as they arrive (`tail -f sent.log | smsbat-monitor watch`):
 * yields the new ids of each batch of complete lines the moment it is read, and the last line when stdin closes.
 * Rejected tokens are reported on stderr as they come; ids seen before are skipped and counted, reported when
 * stdin closes. Throws a `UsageError` when stdin closes without a single id, or a line grows past MAX_LINE_BYTES.
 */
export async function* streamIds(
  source: TextSource,
  io: CliIo,
  command: 'check' | 'watch',
): AsyncGenerator<string[], void, undefined> {
  const decoder = new TextDecoder();
  const seen = new Set<string>();
  let repeats = 0;
  let anyRejected = false;
  let partial = '';
  const take = (text: string): string[] => {
    const parsed = parseMessageIds(text);
    reportRejected(parsed.rejected, io);
    anyRejected ||= parsed.rejected.length > 0;
    repeats += parsed.duplicates;
    const fresh: string[] = [];
    for (const id of parsed.ids) {
      if (seen.has(id)) repeats += 1;
      else {
        seen.add(id);
        fresh.push(id);
      }
    }
    return fresh;
  };
  for await (const chunk of source) {
    partial += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const lineEnd = partial.lastIndexOf('\n');
    if (lineEnd < 0) {
      if (Buffer.byteLength(partial) > MAX_LINE_BYTES) {
        throw new UsageError(
          `stdin has a line longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB; that is not a list of message ids. ` +
            'Pipe in only the ids, one per line or separated by commas.',
          command,
        );
      }
      continue;
    }
    const complete = partial.slice(0, lineEnd);
    partial = partial.slice(lineEnd + 1);
    const ids = take(complete);
    if (ids.length > 0) yield ids;
  }
  const ids = take(partial + decoder.decode());
  if (ids.length > 0) yield ids;
  if (repeats > 0) io.stderr.write(`smsbat-monitor: ignored ${plural(repeats, 'repeated id')}.\n`);
  if (seen.size === 0) throw noIds('stdin', anyRejected, command);
}

/** Whether `watch` reads its ids from stdin: no ids as arguments, and stdin is a pipe or a file. */
export function idsFromStdin(idTokens: readonly string[], io: CliIo): io is CliIo & { stdin: TextSource } {
  return idTokens.length === 0 && io.stdin !== null && io.stdin.isTTY !== true;
}

function reportRejected(rejected: readonly RejectedToken[], io: CliIo): void {
  if (rejected.length === 0) return;
  const lines = rejected.map((token) => `  ${token.message}`);
  io.stderr.write(
    `smsbat-monitor: skipped ${plural(rejected.length, 'token')} that ${rejected.length === 1 ? 'is' : 'are'} not a message id:\n${lines.join('\n')}\n`,
  );
}

function noIds(from: string, anyRejected: boolean, command: 'check' | 'watch'): UsageError {
  if (anyRejected) {
    return new UsageError(
      `None of the tokens in ${from} is a message id (see above). A message id is 1 to ${MAX_MESSAGE_ID_LENGTH} ` +
        'characters of A-Z, a-z, 0-9, "-", "_", "." and ":", as in the messageId SMSBAT returned when sending.',
      command,
    );
  }
  return new UsageError(
    `No message ids in ${from}. Give ids as arguments or pipe them in, one per line or separated by commas.`,
    command,
  );
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
