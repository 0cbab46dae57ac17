import type { MessageEventKind } from './glossary';
import type { MessageBucket } from './totals';

/**
 * What the window opens on when a person clicks a notification or a change in the tray's menu: one message, or the
 * list filtered to the messages a summary covers (by label, by bucket, or both).
 */
export type RevealTarget =
  | { readonly messageId: string }
  | {
      readonly filter: {
        /** Only the messages with this label (`null`: unlabelled ones); absent: any label. */
        readonly label?: string | null;
        /** Only the messages in these buckets; absent or empty: every bucket. */
        readonly buckets?: readonly MessageBucket[];
      };
    };

/** The bucket a message is in after an event, when the event settles it in one. */
const BUCKET_AFTER: Partial<Readonly<Record<MessageEventKind, MessageBucket>>> = {
  delivered: 'delivered',
  delivered_late: 'delivered',
  failed: 'failed',
  not_found: 'not_found',
  gave_up: 'gave_up',
};

/** The facts of a notification a click needs: the messages it covers and what happened to each. */
export interface RevealSource {
  readonly items: readonly {
    readonly messageId: string;
    readonly label: string | null;
    readonly kind: MessageEventKind;
  }[];
}

/**
 * Where a click on a notification leads: its one message, or for a summary the list filtered to what it covers
 * (their label when they share one; their buckets when every event settled its message in one). Pure.
 */
export function revealTargetOf(notification: RevealSource): RevealTarget {
  const [first, ...rest] = notification.items;
  if (first === undefined) return { filter: {} };
  if (rest.length === 0) return { messageId: first.messageId };
  const sameLabel = rest.every((item) => item.label === first.label);
  const buckets = notification.items.map((item) => BUCKET_AFTER[item.kind]);
  const settled = buckets.every((bucket) => bucket !== undefined);
  return {
    filter: {
      ...(sameLabel ? { label: first.label } : {}),
      ...(settled ? { buckets: [...new Set(buckets)] } : {}),
    },
  };
}
