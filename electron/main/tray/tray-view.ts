import type { AggregateKind, AggregateMarks, AggregateState } from '../../../shared/aggregate-state';
import type { Language } from '../../../shared/i18n/languages';
import { translator, type Translate } from '../../../shared/i18n/translate';
import type { WatchCounts } from '../../../shared/watch-counts';
import type { RecentChange } from './recent-changes';

/** What a tray menu item does when clicked: an action name, never a closure, so the view stays pure. */
export type TrayActionName =
  | 'open'
  | 'watchClipboard'
  | 'refresh'
  | 'pause'
  | 'resume'
  | 'snoozeHour'
  | 'snoozeMorning'
  | 'unsnooze'
  | 'reveal'
  | 'quit';

/** One menu item, as plain data (the adapter turns it into Electron's menu template). */
export type TrayMenuItem =
  | {
      readonly type: 'action';
      readonly action: TrayActionName;
      readonly label: string;
      /** The message a `reveal` item opens the window on. */
      readonly messageId?: string;
    }
  | { readonly type: 'text'; readonly label: string }
  | { readonly type: 'submenu'; readonly label: string; readonly items: readonly TrayMenuItem[] }
  | { readonly type: 'separator' };

/** Everything the tray shows. */
export interface TrayView {
  /** Which icon (one per aggregate state; see `tray-icons.ts`). */
  readonly icon: AggregateKind;
  /** "3 failed · 12 watching · SMSBAT Monitor", at most {@link MAX_TOOLTIP_LENGTH} characters. */
  readonly tooltip: string;
  /** The text beside the icon in the macOS menu bar: the unacknowledged failures, or empty. */
  readonly title: string;
  readonly menu: readonly TrayMenuItem[];
}

/** What the tray is drawn from: the state and its marks, the list's counts, the latest changes, the snooze. */
export interface TrayInput {
  readonly state: AggregateState;
  readonly marks: AggregateMarks;
  readonly counts: WatchCounts;
  readonly recent: readonly RecentChange[];
  /** When snoozed notifications come back (epoch ms), or null when not snoozed. */
  readonly snoozedUntil: number | null;
}

/** The language, and the time zone times are shown in (@default the system's). */
export interface TrayLocale {
  readonly language: Language;
  readonly timeZone?: string;
}

/** Windows cuts tray tooltips at 127 characters. */
export const MAX_TOOLTIP_LENGTH = 127;

const ENGINE_WIDE: ReadonlySet<AggregateKind> = new Set([
  'save_failed',
  'credentials_rejected',
  'wrong_base_url',
  'no_credentials',
  'offline',
  'rate_limited',
]);

/** The tooltip's parts: what blocks checks, failures, overdue, still watched (or settled / nothing), then marks. */
function tooltipParts(input: TrayInput, t: Translate): string[] {
  const { state, counts, marks } = input;
  const parts: string[] = [];
  if (ENGINE_WIDE.has(state.kind)) parts.push(t(`title.${state.kind}`));
  if (counts.unacknowledgedFailures > 0)
    parts.push(t('title.failed', { count: counts.unacknowledgedFailures }));
  if (counts.overdue > 0) parts.push(t('title.overdue', { count: counts.overdue }));
  if (counts.watching > 0) parts.push(t('title.watching', { count: counts.watching }));
  else if (parts.length === 0)
    parts.push(counts.total > 0 ? t('title.all_final', { count: counts.total }) : t('title.empty'));
  if (marks.paused) parts.push(t('title.paused'));
  if (marks.snoozed) parts.push(t('title.mark_snoozed'));
  if (marks.demo) parts.push(t('title.mark_demo'));
  return parts;
}

/** Cuts a tooltip to what Windows shows, ending a cut one with "…". */
export function fitTooltip(text: string): string {
  return text.length <= MAX_TOOLTIP_LENGTH ? text : `${text.slice(0, MAX_TOOLTIP_LENGTH - 1)}…`;
}

function tooltipOf(input: TrayInput, t: Translate): string {
  return fitTooltip([...tooltipParts(input, t), t('tray.app_name')].join(' · '));
}

function recentItems(recent: readonly RecentChange[], t: Translate): TrayMenuItem[] {
  if (recent.length === 0) return [{ type: 'text', label: t('tray.no_recent') }];
  return recent.map((change) => ({
    type: 'action',
    action: 'reveal',
    messageId: change.messageId,
    label: t('tray.recent_item', {
      message: change.label === null ? change.messageId : `${change.messageId} (${change.label})`,
      event: t(`notify.event_${change.kind}`),
    }),
  }));
}

function snoozeItems(input: TrayInput, t: Translate, locale: TrayLocale): TrayMenuItem[] {
  if (input.snoozedUntil !== null) {
    const time = new Intl.DateTimeFormat(locale.language, {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(locale.timeZone === undefined ? {} : { timeZone: locale.timeZone }),
    }).format(input.snoozedUntil);
    return [
      { type: 'text', label: t('tray.snoozed_until', { time }) },
      { type: 'action', action: 'unsnooze', label: t('tray.unsnooze') },
    ];
  }
  return [
    {
      type: 'submenu',
      label: t('tray.snooze'),
      items: [
        { type: 'action', action: 'snoozeHour', label: t('tray.snooze_hour') },
        { type: 'action', action: 'snoozeMorning', label: t('tray.snooze_morning') },
      ],
    },
  ];
}

/**
 * The tray from the state: icon, tooltip, macOS title and a menu that does everything the tray offers (some Linux
 * trays deliver no clicks on the icon, so the menu alone must open the window). Pure.
 */
export function trayView(input: TrayInput, locale: TrayLocale): TrayView {
  const t = translator(locale.language);
  const failures = input.counts.unacknowledgedFailures;
  return {
    icon: input.state.kind,
    tooltip: tooltipOf(input, t),
    title: failures > 0 ? String(failures) : '',
    menu: [
      { type: 'action', action: 'open', label: t('tray.open') },
      { type: 'action', action: 'watchClipboard', label: t('tray.watch_clipboard') },
      { type: 'action', action: 'refresh', label: t('tray.refresh_all') },
      input.marks.paused
        ? { type: 'action', action: 'resume', label: t('tray.resume') }
        : { type: 'action', action: 'pause', label: t('tray.pause') },
      ...snoozeItems(input, t, locale),
      { type: 'separator' },
      { type: 'text', label: t('tray.recent') },
      ...recentItems(input.recent, t),
      { type: 'separator' },
      { type: 'action', action: 'quit', label: t('tray.quit') },
    ],
  };
}
