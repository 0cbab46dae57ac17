import { z } from 'zod';
import type { ChannelStatus, FallbackStep, Money, StatusSnapshot } from '../../../shared/message';
import { classifyStatus } from '../../../shared/status';

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
 * Normalises a validated response. `charge` is `billAmount` + `billCurrency` when SMSBAT sent a bill, else `cost`
 * with the currency unknown (never assumed to be USD), else null.
 */
export function toSnapshot(requestedId: string, parsed: StatusResponse): StatusSnapshot {
  const reportedId = parsed.messageId == null ? '' : String(parsed.messageId);
  return {
    messageId: reportedId.trim() === '' ? requestedId : reportedId,
    messagelistId: parsed.messagelistId ?? null,
    rawStatus: parsed.deliverystatus,
    kind: classifyStatus(parsed.deliverystatus),
    partsCount: parsed.partscount ?? null,
    charge: chargeOf(parsed),
    rate: rateOf(parsed),
    channels: channelsOf(parsed),
    fallbacks: (parsed.fallbacks ?? []).map((step): FallbackStep => ({
      type: step.type,
      status: step.status,
    })),
  };
}

function chargeOf(parsed: StatusResponse): Money | null {
  if (parsed.billAmount != null) return { amount: parsed.billAmount, currency: parsed.billCurrency ?? null };
  if (parsed.cost != null) return { amount: parsed.cost, currency: null };
  return null;
}

function rateOf(parsed: StatusResponse): Money | null {
  const amount = parsed.rateAmount ?? parsed.rate;
  if (amount == null) return null;
  return { amount, currency: parsed.rateCurrency ?? null };
}

function channelsOf(parsed: StatusResponse): ChannelStatus[] {
  const channels: ChannelStatus[] = [];
  for (const [channel, status] of Object.entries(parsed.extendedStatuses ?? {})) {
    if (status !== null) channels.push({ channel, status });
  }
  return channels;
}
