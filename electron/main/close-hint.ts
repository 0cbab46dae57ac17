import type { BrowserWindow } from 'electron';
import { resolveLanguage } from '../../shared/i18n/languages';
import { translator } from '../../shared/i18n/translate';
import type { UiPreferences } from '../../shared/contract';
import type { NotificationOptions, NotificationPort } from './notifications/notifications';

/** What decides whether closing the window tells the person that the app lives on in the tray. */
export interface CloseHintSituation {
  /** The app is quitting (the window really closes). */
  readonly quitting: boolean;
  /** The hint was already shown since the app started. */
  readonly shownBefore: boolean;
  /** The OS can show a notification. */
  readonly canNotify: boolean;
}

/** Whether this close shows the one-time hint "still running in the tray". Pure. */
export function closeHintDue(situation: CloseHintSituation): boolean {
  return !situation.quitting && !situation.shownBefore && situation.canNotify;
}

/** What `installCloseHint` needs. */
export interface CloseHintDeps {
  readonly isQuitting: () => boolean;
  readonly canNotify: boolean;
  /** `(options) => new Notification(options)` from Electron. */
  readonly createNotification: (options: NotificationOptions) => NotificationPort;
  /** The person's language setting, and the OS's preferred languages for "system". */
  readonly language: () => UiPreferences['language'];
  readonly systemLanguages: () => readonly string[];
  readonly showWindow: () => void;
}

/**
 * The first time the window is closed (hidden to the tray), a notification says the app is still running and how
 * to quit it; once per run, remembered in memory. Clicking it opens the window again.
 */
export function installCloseHint(window: BrowserWindow, deps: CloseHintDeps): void {
  let shownBefore = false;
  window.on('close', () => {
    if (!closeHintDue({ quitting: deps.isQuitting(), shownBefore, canNotify: deps.canNotify })) return;
    shownBefore = true;
    const t = translator(resolveLanguage(deps.language(), deps.systemLanguages()));
    const hint = deps.createNotification({ title: t('tray.hidden_title'), body: t('tray.hidden_body') });
    hint.on('click', deps.showWindow);
    hint.show();
  });
}
