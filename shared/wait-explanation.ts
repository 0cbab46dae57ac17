import type { MessageView } from './engine-api';
import type { HoldKind } from './glossary';

/**
 * Why a message that is not yet final has no answer yet, as data the window can translate:
 * - `checking`: a request for it is in flight;
 * - `next_check`: its next check is planned at `at` (after `failures` failed checks in a row);
 * - `held`: a global pause holds it (`until` null: until someone acts, e.g. new credentials);
 * - `not_scheduled`: the engine is not running (not started yet, or stopped).
 */
export type WaitReason =
  | { readonly kind: 'checking' }
  | { readonly kind: 'next_check'; readonly at: number; readonly failures: number }
  | { readonly kind: 'held'; readonly reason: HoldKind | 'paused'; readonly until: number | null }
  | { readonly kind: 'not_scheduled' };

/** Why a watched message is waiting; null when its watch ended (final, not found, gave up). */
export function explainWait(message: MessageView): WaitReason | null {
  if (message.phase !== 'watching') return null;
  const facts = message.schedule;
  if (facts === null) return { kind: 'not_scheduled' };
  if (facts.inFlight) return { kind: 'checking' };
  if (facts.heldBy !== null) return { kind: 'held', reason: facts.heldBy.reason, until: facts.heldBy.until };
  if (facts.nextCheckAt === null) return { kind: 'not_scheduled' };
  return { kind: 'next_check', at: facts.nextCheckAt, failures: facts.consecutiveFailures };
}

/** Formats an epoch time as a wall-clock time for people. @default local HH:MM */
export type TimeFormatter = (epochMs: number) => string;

const localClock: TimeFormatter = (epochMs) => {
  const date = new Date(epochMs);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
};

/** The English words for a wait reason, e.g. "next check in 40 s", "held: SMSBAT asked us to slow down until 14:02". */
export function describeWait(
  reason: WaitReason,
  now: number,
  formatTime: TimeFormatter = localClock,
): string {
  switch (reason.kind) {
    case 'checking':
      return 'checking now';
    case 'not_scheduled':
      return 'not being checked: the monitor is not running';
    case 'next_check': {
      const after = reason.failures > 0 ? ` (after ${plural(reason.failures, 'failed check')})` : '';
      return `next check ${inWords(reason.at - now)}${after}`;
    }
    case 'held': {
      const preposition = reason.reason === 'offline' ? 'at' : 'until';
      const until = reason.until === null ? '' : ` ${preposition} ${formatTime(reason.until)}`;
      return `held: ${HELD_WORDS[reason.reason]}${until}`;
    }
  }
}

const HELD_WORDS: Readonly<Record<HoldKind | 'paused', string>> = {
  paused: 'paused',
  rate_limited: 'SMSBAT asked us to slow down',
  credentials_rejected: 'SMSBAT rejected the credentials; enter new ones to go on',
  wrong_base_url: 'the base URL does not answer like SMSBAT; check it in the settings',
  offline: 'SMSBAT cannot be reached; trying again',
  no_credentials: 'no credentials yet; sign in to start checking',
};

/** "in 40 s", "in 3 min", "in 2 h", or "now" when due. */
function inWords(deltaMs: number): string {
  if (deltaMs <= 500) return 'now';
  const seconds = Math.ceil(deltaMs / 1000);
  if (seconds < 120) return `in ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `in ${minutes} min`;
  return `in ${Math.round(minutes / 60)} h`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
