import type { MessageEventKind } from '../../shared/glossary';
import type { WatchedMessage } from '../../shared/message';

/** One message event (see `MessageEventKind` in the glossary) with the message as it is after it, for printing. */
export interface WatchEvent {
  readonly kind: MessageEventKind;
  /** When it happened (epoch ms). */
  readonly at: number;
  readonly message: WatchedMessage;
}

/** True when a message reached `delivered` after its deadline (a one-time code that came too late). */
export function isDeliveredLate(message: WatchedMessage): boolean {
  if (message.snapshot?.kind !== 'delivered' || message.deadlineAt === null) return false;
  const seenAt = message.lastChangedAt ?? message.lastCheckedAt;
  return message.overdue || (seenAt !== null && seenAt > message.deadlineAt);
}

/** True while SMSBAT answers 404 for a message that is still being checked (a just-sent id gets retries). */
export function isNotFoundYet(message: WatchedMessage): boolean {
  return message.phase === 'watching' && message.snapshot === null && message.lastError?.kind === 'not_found';
}
