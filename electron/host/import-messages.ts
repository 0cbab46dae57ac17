import { z } from 'zod';
import { parseWatchRecord, recordName, type CheckedWatchRecord } from '../../shared/watch-record-schema';
import { EXPORT_FORMAT_NAME, EXPORT_FORMAT_VERSION } from './export-view';

/** Reasons named one by one in an import's report; the rest are counted. */
export const MAX_IMPORT_REASONS = 5;

const envelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT_NAME),
  version: z.literal(EXPORT_FORMAT_VERSION),
  messages: z.array(z.unknown()),
});

/** What reading an export found: the messages that can be restored, and why others cannot. */
export interface ParsedExport {
  /** Checked records, each field as the monitor keeps it (unknown fields dropped, long texts cut). */
  readonly messages: readonly CheckedWatchRecord[];
  /** How many messages of the file were left out. */
  readonly leftOut: number;
  /** Why, for the first `MAX_IMPORT_REASONS` of them, one line each. */
  readonly reasons: readonly string[];
}

/**
 * Reads a JSON export back. A file that is not an export throws a `TypeError` saying why; each message is checked
 * with the schema of the feed's messages (`watchRecordSchema`), and one that does not fit is left out with its
 * reason; a repeated id keeps its first occurrence.
 */
export function parseExport(json: string): ParsedExport {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new TypeError('The file is not JSON; import takes a JSON export of the monitor.');
  }
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    throw new TypeError(
      `The file is not a monitor export (expected "format": "${EXPORT_FORMAT_NAME}", "version": ` +
        `${EXPORT_FORMAT_VERSION} and a "messages" list).`,
    );
  }
  const messages: CheckedWatchRecord[] = [];
  const reasons: string[] = [];
  let leftOut = 0;
  const leaveOut = (raw: unknown, index: number, reason: string): void => {
    leftOut += 1;
    if (reasons.length < MAX_IMPORT_REASONS)
      reasons.push(`${capitalise(recordName(raw, index))}: ${reason}.`);
  };
  const seen = new Set<string>();
  envelope.data.messages.forEach((raw, index) => {
    const checked = parseWatchRecord(raw);
    if (!checked.ok) {
      leaveOut(raw, index, checked.reason);
      return;
    }
    if (seen.has(checked.record.id)) {
      leaveOut(raw, index, 'the id appears earlier in the file');
      return;
    }
    seen.add(checked.record.id);
    messages.push(checked.record);
  });
  return { messages, leftOut, reasons };
}

/**
 * The lines an import reports: how many messages were left out and the first reasons, then the ids already
 * watched (left as they are).
 */
export function importProblems(parsed: ParsedExport, skipped: readonly string[]): string[] {
  const problems: string[] = [];
  if (parsed.leftOut > 0) {
    const shown = parsed.reasons.length;
    problems.push(
      `${plural(parsed.leftOut, 'message was', 'messages were')} left out: ` +
        (shown < parsed.leftOut ? `the first ${shown} reasons follow.` : 'the reasons follow.'),
      ...parsed.reasons,
    );
  }
  if (skipped.length > 0) {
    problems.push(`${skipped.length} already watched, left as they are: ${skipped.slice(0, 10).join(', ')}.`);
  }
  return problems;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
