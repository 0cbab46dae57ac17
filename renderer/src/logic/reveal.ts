import type { RevealTarget } from '../../../shared/reveal';
import { NO_FILTER, type MessageFilter } from './message-filter';

/** What the window shows after a reveal: the list's filter, and the message whose details are open (if one). */
export interface RevealedView {
  readonly filter: MessageFilter;
  /** The message to select and open, or null to leave the details as they are. */
  readonly messageId: string | null;
}

/**
 * Where a click on a notification or a tray change leads in the window: one message is selected and opened with
 * the filter cleared (so it is in the list), a summary shows the list filtered to its label and buckets. Pure.
 */
export function revealedView(target: RevealTarget): RevealedView {
  if ('messageId' in target) return { filter: NO_FILTER, messageId: target.messageId };
  const { label, buckets } = target.filter;
  return {
    filter: { ...NO_FILTER, buckets: new Set(buckets ?? []), ...(label === undefined ? {} : { label }) },
    messageId: null,
  };
}
