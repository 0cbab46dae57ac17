import type { TextSink } from './io';

/** Batches smaller than this finish too quickly to need a progress line. */
export const PROGRESS_MIN_ITEMS = 20;

/** The least time between two redraws of the progress line. */
export const PROGRESS_REDRAW_MS = 250;

/** Clears the current terminal line: back to its start, then erase to its end. */
const CLEAR_LINE = '\r\u001b[K';

/** The progress line of a `check`, e.g. "Checked 120 of 5,000 ids (2%); Ctrl-C prints what is known so far". */
export function formatProgress(done: number, total: number): string {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  const numbers = new Intl.NumberFormat('en');
  const count = (n: number): string => numbers.format(n);
  return `Checked ${count(done)} of ${count(total)} ids (${percent}%); Ctrl-C prints what is known so far`;
}

/** Whether a progress line is worth drawing: on a terminal, for a batch that takes a while. */
export function showsProgress(sink: TextSink, total: number): boolean {
  return sink.isTTY === true && total >= PROGRESS_MIN_ITEMS;
}

/** A progress line redrawn in place on a terminal. */
export interface ProgressLine {
  /** Redraws the line with `done` items finished (at most every PROGRESS_REDRAW_MS, and always at the end). */
  update(done: number): void;
  /** Erases the line, so what follows starts on a clean line. */
  clear(): void;
}

/**
 * A progress line for `total` items on `sink`; it does nothing when the sink is not a terminal or the batch is
 * small (see `showsProgress`), so piped output never carries control characters.
 */
export function progressLine(sink: TextSink, total: number, now: () => number = Date.now): ProgressLine {
  if (!showsProgress(sink, total)) return { update: () => undefined, clear: () => undefined };
  let drawnAt = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(done) {
      const at = now();
      if (done < total && at - drawnAt < PROGRESS_REDRAW_MS) return;
      drawnAt = at;
      drawn = true;
      sink.write(`${CLEAR_LINE}${formatProgress(done, total)}`);
    },
    clear() {
      if (drawn) sink.write(CLEAR_LINE);
      drawn = false;
    },
  };
}
