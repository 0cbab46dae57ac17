import { z } from 'zod';
import type { MessageView } from '../../shared/engine-api';
import { WATCH_PHASES } from '../../shared/glossary';
import { isValidMessageId } from '../../shared/message-ids';
import { STATUS_KINDS } from '../../shared/status';
import { EXPORT_FORMAT_NAME, EXPORT_FORMAT_VERSION } from './export-view';

const epochMs = z.number();

/** One exported message: the fields the monitor relies on are checked; every other field is kept as it is. */
const messageSchema = z.looseObject({
  id: z.string().refine(isValidMessageId, 'not a valid message id'),
  label: z.string().max(100).nullable(),
  phase: z.enum(WATCH_PHASES as [string, ...string[]]),
  snapshot: z
    .looseObject({
      messageId: z.string(),
      rawStatus: z.string(),
      kind: z.enum(STATUS_KINDS as [string, ...string[]]),
      channels: z.array(z.looseObject({ channel: z.string(), status: z.string() })),
      fallbacks: z.array(z.looseObject({ type: z.string(), status: z.string() })),
    })
    .nullable(),
  history: z.array(
    z.looseObject({
      at: epochMs,
      rawStatus: z.string(),
      kind: z.enum(STATUS_KINDS as [string, ...string[]]),
    }),
  ),
  addedAt: epochMs,
  lastCheckedAt: epochMs.nullable(),
  lastChangedAt: epochMs.nullable(),
  deadlineAt: epochMs.nullable(),
  overdue: z.boolean(),
  lastError: z.looseObject({ kind: z.string(), message: z.string(), at: epochMs }).nullable(),
  acknowledged: z.boolean().default(false),
});

const envelopeSchema = z.looseObject({
  format: z.literal(EXPORT_FORMAT_NAME),
  version: z.literal(EXPORT_FORMAT_VERSION),
  messages: z.array(z.unknown()),
});

/** What reading an export found: the messages that can be restored, and why others cannot. */
export interface ParsedExport {
  readonly messages: readonly MessageView[];
  readonly problems: readonly string[];
}

/**
 * Reads a JSON export back. A file that is not an export throws a `TypeError` saying why; a message that does not
 * fit is left out with a problem naming it; a repeated id keeps its first occurrence.
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
  const messages: MessageView[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  envelope.data.messages.forEach((raw, index) => {
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue === undefined ? '' : ` (${issue.path.join('.')}: ${issue.message})`;
      problems.push(`Message ${index + 1} was left out: it does not fit the export format${where}.`);
      return;
    }
    if (seen.has(parsed.data.id)) {
      problems.push(
        `Message ${index + 1} (${parsed.data.id}) was left out: the id appears earlier in the file.`,
      );
      return;
    }
    seen.add(parsed.data.id);
    // The schema checked every field the monitor reads; the rest is kept exactly as exported.
    messages.push(parsed.data as unknown as MessageView);
  });
  return { messages, problems };
}
