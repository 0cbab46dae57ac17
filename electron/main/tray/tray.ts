import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron';
import { aggregateMarks, aggregateState, type AggregateKind } from '../../../shared/aggregate-state';
import type { ContractEventMessage, RequestHandlers, UiPreferences } from '../../../shared/contract';
import type { EngineHealth } from '../../../shared/engine-health';
import { resolveLanguage } from '../../../shared/i18n/languages';
import type { RevealTarget } from '../../../shared/reveal';
import { FeedCounter } from '../../../shared/watch-counts';
import type { SnoozeControl } from '../notifications/snooze-control';
import type { TimerPort } from '../timer-port';
import { withoutRemoved, withRecentChanges, type RecentChange } from './recent-changes';
import { trayIconPath } from './tray-icons';
import { trayView, type TrayActionName, type TrayMenuItem } from './tray-view';
import { throttleDecision } from './update-throttle';

/** The part of Electron's `Tray` this module uses (Electron's class fits it). */
export interface TrayPort {
  setImage(image: NativeImage): void;
  setToolTip(toolTip: string): void;
  setTitle(title: string): void;
  setContextMenu(menu: Menu | null): void;
  isDestroyed(): boolean;
  destroy(): void;
  on(event: 'click', listener: () => void): unknown;
}

/** What `installTray` needs from the composition root. */
export interface TrayDeps {
  /** The host services: their pushed events (feed, connection, preferences), requests, and `reveal`. */
  readonly services: {
    subscribe(listener: (message: ContractEventMessage) => void): () => void;
    readonly handlers: Pick<RequestHandlers, 'refresh' | 'pause' | 'resume' | 'watchText'>;
    reveal(target: RevealTarget): void;
  };
  /** `(image) => new Tray(image)` from Electron. */
  readonly createTray: (image: NativeImage) => TrayPort;
  /** `Menu.buildFromTemplate` from Electron. */
  readonly buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  /** `nativeImage.createFromPath` from Electron (it picks `@2x` files and marks `…Template` images itself). */
  readonly loadImage: (path: string) => NativeImage;
  /** Where the icons are (see `trayIconDir`). */
  readonly iconDir: string;
  readonly platform: NodeJS.Platform;
  /** The OS's preferred languages, for the "system" language (`app.getPreferredSystemLanguages()`). */
  readonly systemLanguages: () => readonly string[];
  /** `clipboard.readText` from Electron (a promise since Electron 45). */
  readonly readClipboard: () => string | Promise<string>;
  /** Shows, restores and focuses the window (creating it if needed). */
  readonly showWindow: () => void;
  /** Quits the app (`app.quit`). */
  readonly quit: () => void;
  /** The snooze the menu sets and the notifications obey. */
  readonly snooze: SnoozeControl;
  readonly timers: TimerPort;
  /** Where a failed tray action is reported. */
  readonly onProblem: (message: string) => void;
}

/**
 * Puts the monitor in the tray: the icon of the worst state, a tooltip with the counts, the failures beside the
 * icon on macOS, and a menu that does everything (open, add ids from the clipboard, refresh, pause or resume,
 * snooze notifications, the latest changes, quit). Driven by the engine's feed in the main process, at most one
 * update a second, the menu rebuilt on each (Linux keeps a menu until it is set again). Returns its undo.
 */
export function installTray(deps: TrayDeps): () => void {
  const counter = new FeedCounter();
  let health: EngineHealth | null = null;
  let recent: readonly RecentChange[] = [];
  let demo = false;
  let language: UiPreferences['language'] = 'system';
  let lastAppliedAt: number | null = null;
  let timer: unknown = null;
  const images = new Map<AggregateKind, NativeImage>();
  const imageOf = (kind: AggregateKind): NativeImage => {
    let image = images.get(kind);
    if (image === undefined) {
      image = deps.loadImage(trayIconPath(deps.iconDir, kind, deps.platform));
      images.set(kind, image);
    }
    return image;
  };

  const tray = deps.createTray(imageOf('empty'));
  let shownIcon: AggregateKind = 'empty';

  const attempt = (what: string, work: () => unknown) => {
    Promise.resolve()
      .then(work)
      .catch((error: unknown) => {
        deps.onProblem(`The tray's "${what}" failed: ${String(error)}`);
      });
  };
  const run = (action: TrayActionName, messageId: string | undefined) => {
    switch (action) {
      case 'open':
        deps.showWindow();
        return;
      case 'reveal':
        deps.showWindow();
        if (messageId !== undefined) deps.services.reveal({ messageId });
        return;
      case 'watchClipboard':
        attempt(action, async () => {
          await deps.services.handlers.watchText({ text: await deps.readClipboard() });
          deps.showWindow();
        });
        return;
      case 'refresh':
        attempt(action, () => deps.services.handlers.refresh({}));
        return;
      case 'pause':
        attempt(action, () => deps.services.handlers.pause({}));
        return;
      case 'resume':
        attempt(action, () => deps.services.handlers.resume({}));
        return;
      case 'snoozeHour':
        deps.snooze.snooze('hour');
        return;
      case 'snoozeMorning':
        deps.snooze.snooze('morning');
        return;
      case 'unsnooze':
        deps.snooze.resume();
        return;
      case 'quit':
        deps.quit();
        return;
    }
  };
  const template = (items: readonly TrayMenuItem[]): MenuItemConstructorOptions[] =>
    items.map((item): MenuItemConstructorOptions => {
      switch (item.type) {
        case 'action':
          return {
            label: item.label,
            click: () => {
              run(item.action, item.messageId);
            },
          };
        case 'text':
          return { label: item.label, enabled: false };
        case 'submenu':
          return { label: item.label, submenu: template(item.items) };
        case 'separator':
          return { type: 'separator' };
      }
    });

  const apply = () => {
    timer = null;
    if (tray.isDestroyed()) return;
    lastAppliedAt = deps.timers.monotonicNow();
    const counts = counter.counts;
    const snoozedUntil = deps.snooze.until();
    const view = trayView(
      {
        state:
          health === null
            ? { kind: 'empty', count: 0, severity: 'idle' }
            : aggregateState({ health, counts }),
        marks:
          health === null
            ? { paused: false, snoozed: snoozedUntil !== null, demo }
            : aggregateMarks(health, demo, snoozedUntil !== null),
        counts,
        recent,
        snoozedUntil,
      },
      { language: resolveLanguage(language, deps.systemLanguages()) },
    );
    if (view.icon !== shownIcon) {
      tray.setImage(imageOf(view.icon));
      shownIcon = view.icon;
    }
    tray.setToolTip(view.tooltip);
    if (deps.platform === 'darwin') tray.setTitle(view.title);
    tray.setContextMenu(deps.buildMenu(template(view.menu)));
  };
  const update = () => {
    if (timer !== null) return;
    const decision = throttleDecision(lastAppliedAt, deps.timers.monotonicNow());
    if (decision.kind === 'now') apply();
    else timer = deps.timers.setTimeout(apply, decision.atMs - deps.timers.monotonicNow());
  };

  const unsubscribe = deps.services.subscribe((message) => {
    switch (message.event) {
      case 'feed': {
        const item = message.payload;
        counter.apply(item);
        if (item.type === 'snapshot') {
          health = item.snapshot.health;
          recent = [];
        } else {
          health = item.change.health ?? health;
          recent = withoutRemoved(withRecentChanges(recent, item.change.events), item.change.removed);
        }
        break;
      }
      case 'connection':
        demo = message.payload.demo;
        break;
      case 'preferences':
        language = message.payload.language;
        break;
      default:
        return;
    }
    update();
  });
  const stopSnooze = deps.snooze.subscribe(update);
  if (deps.platform !== 'darwin') tray.on('click', deps.showWindow); // macOS opens the menu on a click itself
  update();

  return () => {
    unsubscribe();
    stopSnooze();
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
    if (!tray.isDestroyed()) tray.destroy();
  };
}
