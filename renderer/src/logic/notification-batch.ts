import type { NotificationEvent } from '../../../shared/contract';

/** What to show for notifications that arrived together: one as it is, several as one summary. */
export type NotificationDisplay =
  | { readonly kind: 'single'; readonly event: NotificationEvent }
  | {
      readonly kind: 'summary';
      readonly count: number;
      readonly severity: NotificationEvent['severity'];
      /** The first few bodies, for the summary's text. */
      readonly lines: readonly string[];
    };

const SEVERITY_ORDER: readonly NotificationEvent['severity'][] = ['info', 'success', 'warning', 'error'];

/** Folds recent notifications into one display with the worst severity and the latest lines, so that 200 deliveries are one toast. */
export function batchNotifications(
  events: readonly NotificationEvent[],
  shownLines = 3,
): NotificationDisplay | null {
  const first = events[0];
  if (first === undefined) return null;
  if (events.length === 1) return { kind: 'single', event: first };
  const severity = events.reduce(
    (worst, event) =>
      SEVERITY_ORDER.indexOf(event.severity) > SEVERITY_ORDER.indexOf(worst) ? event.severity : worst,
    first.severity,
  );
  return {
    kind: 'summary',
    count: events.length,
    severity,
    lines: events.slice(-shownLines).map((event) => event.body),
  };
}
