import { messageIdRejection, type RejectedToken } from '../../../shared/message-ids';

/** Ids from a host, checked: the valid ones without repeats, in order, and the rest with reasons. */
export interface CheckedIds {
  readonly valid: readonly string[];
  readonly rejected: readonly RejectedToken[];
}

/**
 * Checks ids from any host with the shared parser's rules, so an id that is empty, too long or has forbidden
 * characters is refused with a reason here instead of failing later as a check. Values that are not strings (a
 * host that skipped its schema) are refused too.
 */
export function checkMessageIds(messageIds: readonly unknown[]): CheckedIds {
  const valid: string[] = [];
  const seen = new Set<string>();
  const rejected: RejectedToken[] = [];
  for (const id of messageIds) {
    if (typeof id !== 'string') {
      const token = String(id);
      rejected.push({
        token,
        reason: 'invalid_characters',
        message: `${token} is not a message id (not text)`,
      });
      continue;
    }
    const rejection = messageIdRejection(id);
    if (rejection !== undefined) rejected.push(rejection);
    else if (!seen.has(id)) {
      seen.add(id);
      valid.push(id);
    }
  }
  return { valid, rejected };
}
