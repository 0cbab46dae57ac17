import { callSafely, printError } from '../call-safely';
import type { IdReport } from './after-check';
import { tellObserver, type GaveUpReport, type PollObserver } from './observer';

/**
 * Reports waiting to be delivered, so no listener ever runs inside the dispatch loop: the scheduler records what
 * happened, and delivers it in a turn of its own (where a listener may pause, watch or unwatch). Ids whose
 * scheduling facts changed are collected into one batch per delivery.
 */
export class Outbox {
  #reports: { readonly id: string; readonly report: IdReport | GaveUpReport; readonly at: number }[] = [];
  #changed = new Set<string>();
  #allChanged = false;

  /**
   * @param toEpoch converts a report's monotonic time to epoch ms, when it is recorded
   * @param allIds every watched id, for a batch where every id changed
   */
  constructor(
    private readonly observer: PollObserver,
    private readonly toEpoch: (monotonicMs: number) => number,
    private readonly allIds: () => readonly string[],
  ) {}

  /** Queues one report about `id`. */
  report(id: string, report: IdReport | GaveUpReport): void {
    this.#reports.push({ id, report, at: this.toEpoch(report.at) });
  }

  /** Notes that the facts of `messageId` changed. */
  changed(messageId: string): void {
    this.#changed.add(messageId);
  }

  /** Notes that the facts of every id changed (a global hold started or ended). */
  allChanged(): void {
    this.#allChanged = true;
  }

  /**
   * Delivers the queued reports in order, then one batch of changed ids. Reports queued by listeners meanwhile are
   * delivered too. A listener that throws is reported and does not stop the others.
   */
  deliver(): void {
    while (this.#reports.length > 0) {
      const reports = this.#reports;
      this.#reports = [];
      for (const item of reports) callSafely(this.#tell, item, printError);
    }
    if (this.#changed.size === 0 && !this.#allChanged) return;
    const ids = this.#allChanged ? [...new Set([...this.allIds(), ...this.#changed])] : [...this.#changed];
    this.#changed = new Set();
    this.#allChanged = false;
    if (ids.length > 0) {
      callSafely(
        (batch: readonly string[]) => {
          this.observer.onScheduleChanged(batch);
        },
        ids,
        printError,
      );
    }
  }

  readonly #tell = (item: {
    readonly id: string;
    readonly report: IdReport | GaveUpReport;
    readonly at: number;
  }) => {
    tellObserver(this.observer, item.id, item.report, item.at);
  };
}
