import { z } from 'zod';
import type { ChannelStatus, FallbackStep, Money, StatusSnapshot } from '../../../shared/message';
import { MAX_STATUS_CHARS, MAX_STATUS_ENTRIES, boundText } from '../../../shared/record-bounds';
import { classifyStatus } from '../../../shared/status';
import { maskSecrets } from '../secret-mask';

const NUMERIC_STRING = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite number, or a string holding one ("0.05"); null counts as absent (SMSBAT sends both, and so may its webhooks). */
export const numberish = z
  .union([z.number(), z.string().trim().regex(NUMERIC_STRING).transform(Number)], {
    error: 'expected a number or a numeric string',
  })
  .refine((value) => Number.isFinite(value), { error: 'expected a finite number' });

/** A non-negative whole number, or a string holding one ("1"). */
const countish = numberish.refine((value) => Number.isSafeInteger(value) && value >= 0, {
  error: 'expected a non-negative whole number',
});

/** A currency code; blank counts as unknown. */
const currency = z
  .string()
  .trim()
  .transform((value) => (value === '' ? null : value));

const fallbackStep = z.object({ type: z.string(), status: z.string() });

/**
 * SMSBAT's status response, basic or extended. Only `deliverystatus` is required; numbers may be numeric strings,
 * `null` counts as absent, and fields the monitor does not use are ignored.
 */
export const statusResponseSchema = z.object({
  deliverystatus: z.string().refine((value) => value.trim() !== '', { error: 'expected a non-empty string' }),
  messageId: z.union([z.string(), z.number()], { error: 'expected a string' }).nullish(),
  messagelistId: countish.nullish(),
  partscount: countish.nullish(),
  cost: numberish.nullish(),
  fallbacks: z.array(fallbackStep).nullish(),
  extendedStatuses: z.record(z.string(), z.string().nullable()).nullish(),
  rate: numberish.nullish(),
  rateAmount: numberish.nullish(),
  rateCurrency: currency.nullish(),
  billAmount: numberish.nullish(),
  billCurrency: currency.nullish(),
});

/** A status response after validation. */
export type StatusResponse = z.output<typeof statusResponseSchema>;

/** Formats a zod failure as one line, e.g. `deliverystatus: expected string, received number`. */
export function describeSchemaError(error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  if (first === undefined) return 'unexpected shape';
  const where = formatPath(first.path);
  const what = first.message
    .replace(/^Invalid input: /, '')
    .replace(/^expected (.+), received undefined$/, 'missing (expected $1)');
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
  return `${where}: ${what}${more}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'body';
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/**
 * Normalises a validated response, bounding what a gateway can make the monitor keep: `secrets` (see `secretsOf`)
 * are masked in every text and status words are cut at `MAX_STATUS_CHARS` (marked), with at most
 * `MAX_STATUS_ENTRIES` channel statuses and fallback steps; the kind is read from the status as sent. `charge` is `billAmount` + `billCurrency` when SMSBAT sent a bill, else `cost`
 * with the currency unknown (never assumed to be USD), else null.
 */
export function toSnapshot(
  requestedId: string,
  parsed: StatusResponse,
  secrets: readonly string[] = [],
): StatusSnapshot {
  const reportedId = parsed.messageId == null ? '' : String(parsed.messageId);
  const word = (text: string): string => boundText(maskSecrets(text, secrets), MAX_STATUS_CHARS);
  return {
    messageId:
      reportedId.trim() === ''
        ? requestedId
        : boundText(maskSecrets(reportedId, secrets), MAX_STATUS_CHARS * 4),
    messagelistId: parsed.messagelistId ?? null,
    rawStatus: word(parsed.deliverystatus),
    kind: classifyStatus(parsed.deliverystatus),
    partsCount: parsed.partscount ?? null,
    charge: chargeOf(parsed, word),
    rate: rateOf(parsed, word),
    channels: channelsOf(parsed, word),
    fallbacks: (parsed.fallbacks ?? []).slice(0, MAX_STATUS_ENTRIES).map((step): FallbackStep => ({
      type: word(step.type),
      status: word(step.status),
    })),
  };
}

/** A status word as the monitor keeps it: secrets masked, at most `MAX_STATUS_CHARS`, cut and marked when longer. */
type Word = (text: string) => string;

function chargeOf(parsed: StatusResponse, word: Word): Money | null {
  if (parsed.billAmount != null)
    return { amount: parsed.billAmount, currency: currencyOf(parsed.billCurrency, word) };
  if (parsed.cost != null) return { amount: parsed.cost, currency: null };
  return null;
}

function rateOf(parsed: StatusResponse, word: Word): Money | null {
  const amount = parsed.rateAmount ?? parsed.rate;
  if (amount == null) return null;
  return { amount, currency: currencyOf(parsed.rateCurrency, word) };
}

function currencyOf(currency: string | null | undefined, word: Word): string | null {
  return currency == null ? null : word(currency);
}

function channelsOf(parsed: StatusResponse, word: Word): ChannelStatus[] {
  const channels: ChannelStatus[] = [];
  for (const [channel, status] of Object.entries(parsed.extendedStatuses ?? {})) {
    if (channels.length === MAX_STATUS_ENTRIES) break;
    if (status !== null) channels.push({ channel: word(channel), status: word(status) });
  }
  return channels;
}
