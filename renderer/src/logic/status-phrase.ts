import type { ListedMessage } from '../../../shared/contract';
import { bucketOf, type MessageBucket } from '../../../shared/totals';

/**
 * The phrase for a message's status: its bucket's word, except an id SMSBAT answered 404 for and that is still
 * watched, which is "not found yet" with the whole seconds until its next check (null: no check planned).
 */
export type StatusPhrase =
  | { readonly kind: 'bucket'; readonly bucket: MessageBucket }
  | { readonly kind: 'not_found_yet'; readonly inSeconds: number | null };

/** Picks the status phrase of `message` at `now` (epoch ms). Pure. */
export function statusPhrase(message: ListedMessage, now: number): StatusPhrase {
  const bucket = bucketOf(message);
  if (bucket !== 'unchecked' || message.lastError?.kind !== 'not_found') return { kind: 'bucket', bucket };
  const next = message.schedule?.nextCheckAt ?? null;
  return {
    kind: 'not_found_yet',
    inSeconds: next === null ? null : Math.max(0, Math.ceil((next - now) / 1000)),
  };
}
