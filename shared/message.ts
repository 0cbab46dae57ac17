import type { StatusKind } from './status';

/** An amount of money with its currency; `currency` is null when SMSBAT did not say (never assume USD). */
export interface Money {
  readonly amount: number;
  readonly currency: string | null;
}

/** One channel's status in a fallback chain (from `extendedStatuses`), e.g. viber: delivered. */
export interface ChannelStatus {
  readonly channel: string;
  readonly status: string;
}

/** A configured fallback step (from `fallbacks`), e.g. sms: not_used. */
export interface FallbackStep {
  readonly type: string;
  readonly status: string;
}

/** What one status check told us about a message, normalised from SMSBAT's basic or extended response. */
export interface StatusSnapshot {
  readonly messageId: string;
  readonly messagelistId: number | null;
  /** The `deliverystatus` exactly as SMSBAT sent it. */
  readonly rawStatus: string;
  readonly kind: StatusKind;
  readonly partsCount: number | null;
  /** What the message cost: `billAmount` + `billCurrency` when present, else `cost` with currency unknown. */
  readonly charge: Money | null;
  /** The per-part rate, when the extended response gives one. */
  readonly rate: Money | null;
  readonly channels: readonly ChannelStatus[];
  readonly fallbacks: readonly FallbackStep[];
}

import type { WatchPhase } from './glossary';

export type { WatchPhase } from './glossary';

/** The kinds of failure a status check can end in. */
export type CheckErrorKind =
  | 'auth'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'invalid_response'
  | 'request_rejected'
  | 'wrong_base_url';

/** The last failed check of a message, as shown to people (never contains credentials). */
export interface CheckError {
  readonly kind: CheckErrorKind;
  readonly message: string;
  readonly httpStatus: number | null;
  readonly at: number;
}

/** Where a status came from: a check the monitor made, or a webhook SMSBAT pushed. */
export type StatusSource = 'poll' | 'webhook';

/** One entry of a message's status history: when the monitor first saw each status. */
export interface HistoryEntry {
  /** When the monitor saw it (a poll) or when SMSBAT says it happened (a webhook). */
  readonly at: number;
  readonly rawStatus: string;
  readonly kind: StatusKind;
  /** Absent in lists saved before webhooks: a poll. */
  readonly source?: StatusSource;
}

/** Everything the monitor knows about one watched message. Times are epoch milliseconds. */
export interface WatchedMessage {
  readonly id: string;
  readonly label: string | null;
  readonly phase: WatchPhase;
  /** Latest known status; null until the first successful check. */
  readonly snapshot: StatusSnapshot | null;
  readonly history: readonly HistoryEntry[];
  readonly addedAt: number;
  readonly lastCheckedAt: number | null;
  readonly lastChangedAt: number | null;
  /** When a final status is expected by (one-time codes); null when no deadline was set. */
  readonly deadlineAt: number | null;
  /** True once the deadline passed without a final status. */
  readonly overdue: boolean;
  readonly lastError: CheckError | null;
}

/** A watched message without its status history: what lists, totals and the window's feed read. */
export type MessageFacts = Omit<WatchedMessage, 'history'>;
