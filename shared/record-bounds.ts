/**
 * How much one watched message may hold, whoever wrote it (SMSBAT, a gateway at another address, an import or a
 * saved file): a long status or error text is cut and marked, a long history keeps its first and newest entries.
 */

/** History entries kept per message: the first and the newest survive. */
export const MAX_HISTORY_ENTRIES = 50;

/** Longest status word kept (a `deliverystatus`, a channel's status or name, a fallback step, a currency). */
export const MAX_STATUS_CHARS = 64;

/** Longest error text kept for a failed check. */
export const MAX_ERROR_CHARS = 500;

/** Most channel statuses or fallback steps kept for one status. */
export const MAX_STATUS_ENTRIES = 32;

/** What ends a text that was cut. */
export const CUT_MARK = '…';

/** `text` when it fits in `maxChars`, else its start with `CUT_MARK` at the end, `maxChars` long in all. */
export function boundText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = maxChars - CUT_MARK.length;
  // Never leave half of a surrogate pair before the mark.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${CUT_MARK}`;
}

/** `history` when it has at most `maxEntries` (at least 2) entries, else its first and its newest `maxEntries - 1`. */
export function boundHistory<T>(history: readonly T[], maxEntries: number): readonly T[] {
  if (history.length <= maxEntries) return history;
  // The history is longer than `maxEntries`, so it has a first entry.
  return [history[0] as T, ...history.slice(history.length - (maxEntries - 1))];
}
