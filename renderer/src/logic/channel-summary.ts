import type { StatusSnapshot } from '../../../shared/message';
import { classifyStatus, type StatusKind } from '../../../shared/status';

/** One channel's outcome, for words like "Viber failed, SMS delivered". */
export interface ChannelOutcome {
  /** The channel as SMSBAT names it, lower case: "viber", "sms"... */
  readonly channel: string;
  readonly kind: StatusKind;
  /** The raw per-channel status, for an unknown kind. */
  readonly rawStatus: string;
}

const UNUSED = new Set(['notused', 'skipped', 'none', '']);

/** Folds a per-channel status to a comparable key. */
function key(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/**
 * The channels a message went through, in the order they were tried, leaving out fallbacks that were never used.
 * Per-channel statuses come from `extendedStatuses`; fallback steps that name a channel missing there are added.
 */
export function channelOutcomes(snapshot: StatusSnapshot | null): readonly ChannelOutcome[] {
  if (snapshot === null) return [];
  const seen = new Map<string, string>();
  for (const { channel, status } of snapshot.channels) seen.set(channel.toLowerCase(), status);
  for (const { type, status } of snapshot.fallbacks) {
    if (!seen.has(type.toLowerCase())) seen.set(type.toLowerCase(), status);
  }
  const outcomes: ChannelOutcome[] = [];
  for (const [channel, rawStatus] of seen) {
    if (UNUSED.has(key(rawStatus))) continue;
    outcomes.push({ channel, kind: classifyStatus(rawStatus), rawStatus });
  }
  return outcomes;
}

/** A stable, language-free sort key for the channel column: "viber:failed sms:delivered". */
export function channelSortKey(snapshot: StatusSnapshot | null): string {
  return channelOutcomes(snapshot)
    .map((outcome) => `${outcome.channel}:${outcome.kind}`)
    .join(' ');
}

/** The display name of a channel: "Viber", "SMS", or the name as given with a capital first letter. */
export function channelName(channel: string): string {
  const known: Readonly<Record<string, string>> = {
    sms: 'SMS',
    viber: 'Viber',
    whatsapp: 'WhatsApp',
    rcs: 'RCS',
  };
  return Object.hasOwn(known, channel)
    ? (known[channel] ?? channel)
    : channel.charAt(0).toUpperCase() + channel.slice(1);
}
