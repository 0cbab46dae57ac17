import type { Notification, Tray } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../../electron/core/virtual-clock';
import type { NotificationPort } from '../../../../electron/main/notifications/notifications';
import {
  createSnoozeControl,
  type SnoozeControl,
} from '../../../../electron/main/notifications/snooze-control';
import { installTray, type TrayPort } from '../../../../electron/main/tray/tray';
import type { ContractEventMessage } from '../../../../shared/contract';
import type { MessageEvent } from '../../../../shared/engine-api';
import { buildFakeMenu, FakeTray, loadFakeImage, virtualTimers } from '../../../fakes/fake-electron-shell';
import { messageView } from '../../../fakes/message-views';
import { startServicesKit, type ServicesKit } from '../../host/host-test-kit';

function failedEvent(messageId: string, label: string | null = null): MessageEvent {
  return {
    kind: 'failed',
    messageId,
    at: 1,
    label,
    rawStatus: 'undeliverable',
    previousRawStatus: 'processing',
  };
}

let kit: ServicesKit;
let clock: VirtualClock;
let snooze: SnoozeControl;
let tray: FakeTray | null;
let shown: number;
let quits: number;
let clipboard: string;
let revealed: ContractEventMessage[];

function install(platform: NodeJS.Platform = 'linux'): { tray: FakeTray; undo: () => void } {
  const undo = installTray({
    services: kit.services,
    createTray: (image) => (tray = new FakeTray(image)),
    buildMenu: buildFakeMenu,
    loadImage: loadFakeImage,
    iconDir: '/icons',
    platform,
    systemLanguages: () => ['en-GB'],
    // Electron's `clipboard.readText()` answers with a promise.
    readClipboard: () => Promise.resolve(clipboard),
    showWindow: () => {
      shown += 1;
    },
    quit: () => {
      quits += 1;
    },
    snooze,
    timers: virtualTimers(clock),
    onProblem: (message) => kit.problems.push(message),
  });
  if (tray === null) throw new Error('no tray was made');
  return { tray, undo };
}

beforeEach(async () => {
  kit = await startServicesKit({ env: { SMSBAT_API_KEY: 'test-key-0000' } });
  clock = new VirtualClock(Date.UTC(2026, 11, 8, 10, 0));
  snooze = createSnoozeControl(virtualTimers(clock), () => 0);
  tray = null;
  shown = 0;
  quits = 0;
  clipboard = '';
  revealed = [];
  kit.services.subscribe((message) => {
    if (message.event === 'reveal') revealed.push(message);
  });
});

afterEach(async () => {
  snooze.dispose();
  await kit.close();
});

describe('the tray', () => {
  it('shows the worst state from the engine, with the counts in the tooltip and the failures on macOS', async () => {
    const { tray } = install('darwin');
    expect(tray.tooltips.at(-1)).toBe('Nothing watched · SMSBAT Monitor');
    kit.engine.watch(['a-1', 'a-2']);
    await clock.advanceBy(1000);
    expect(tray.images.at(-1)).toBe('/icons/watchingTemplate.png');
    expect(tray.tooltips.at(-1)).toBe('2 watching · SMSBAT Monitor');
    kit.engine.emitChange([messageView({ id: 'a-1', statuses: ['undeliverable'] })], [failedEvent('a-1')]);
    await clock.advanceBy(1000);
    expect(tray.images.at(-1)).toBe('/icons/failedTemplate.png');
    expect(tray.tooltips.at(-1)).toBe('1 failed · 1 watching · SMSBAT Monitor');
    expect(tray.titles.at(-1)).toBe('1');
    expect(tray.labels()).toContain('a-1 — Failed');
  });

  it('keeps a failure on the tray until it is acknowledged in the window', async () => {
    const { tray } = install();
    kit.engine.emitChange([messageView({ id: 'a-1', statuses: ['undeliverable'] })], [failedEvent('a-1')]);
    await clock.advanceBy(1000);
    expect(tray.images.at(-1)).toBe('/icons/failed.png');
    await kit.services.handlers.acknowledge({ messageIds: ['a-1'] });
    await clock.advanceBy(1000);
    expect(tray.images.at(-1)).toBe('/icons/all_final.png');
  });

  it('applies at most one update a second, the last one once the second is over', async () => {
    const { tray } = install();
    await clock.advanceBy(5000);
    const before = tray.menus.length;
    kit.engine.watch(['a-1']);
    expect(tray.menus.length).toBe(before + 1); // the first change after a quiet second shows at once
    kit.engine.watch(['a-2']);
    kit.engine.watch(['a-3']);
    expect(tray.menus.length).toBe(before + 1);
    await clock.advanceBy(999);
    expect(tray.menus.length).toBe(before + 1);
    await clock.advanceBy(1);
    expect(tray.menus.length).toBe(before + 2);
    expect(tray.tooltips.at(-1)).toBe('3 watching · SMSBAT Monitor');
  });

  it('does everything from its menu', async () => {
    const { tray } = install();
    kit.engine.watch(['a-1']);
    await clock.advanceBy(1000);
    tray.clickMenuItem('Open SMSBAT Monitor');
    expect(shown).toBe(1);
    tray.clickMenuItem('Pause checking');
    await clock.advanceBy(1000);
    expect(tray.labels()).toContain('Resume checking');
    expect(tray.tooltips.at(-1)).toBe('1 watching · Paused · SMSBAT Monitor');
    tray.clickMenuItem('Resume checking');
    await clock.advanceBy(1000);
    expect(tray.labels()).toContain('Pause checking');
    clipboard = 'b-1\nb-2';
    tray.clickMenuItem('Add IDs from the clipboard');
    await clock.advanceBy(1000);
    expect(kit.engine.calls).toContain('watch b-1,b-2');
    expect(tray.tooltips.at(-1)).toBe('3 watching · SMSBAT Monitor');
    tray.clickMenuItem('Refresh all');
    tray.clickMenuItem('Quit SMSBAT Monitor');
    expect(quits).toBe(1);
    expect(kit.problems).toEqual([]);
  });

  it('opens the window on a message from the latest changes', async () => {
    const { tray } = install();
    kit.engine.emitChange(
      [messageView({ id: 'a-1', statuses: ['undeliverable'] })],
      [failedEvent('a-1', 'OTP')],
    );
    await clock.advanceBy(1000);
    tray.clickMenuItem('a-1 (OTP) — Failed');
    expect(shown).toBe(1);
    expect(revealed).toEqual([{ event: 'reveal', payload: { messageId: 'a-1' } }]);
  });

  it('snoozes notifications for an hour, then offers to snooze again', async () => {
    const { tray } = install();
    tray.clickMenuItem('For 1 hour');
    await clock.advanceBy(1000);
    expect(snooze.isSnoozed()).toBe(true);
    expect(tray.labels()).toContain('Resume notifications');
    expect(tray.tooltips.at(-1)).toBe('Nothing watched · Notifications snoozed · SMSBAT Monitor');
    await clock.advanceBy(3_600_000);
    expect(snooze.isSnoozed()).toBe(false);
    expect(tray.labels()).toContain('Snooze notifications');
    tray.clickMenuItem('Until tomorrow morning');
    expect(snooze.until()).toBe(Date.UTC(2026, 11, 9, 8, 0));
    await clock.advanceBy(1000);
    tray.clickMenuItem('Resume notifications');
    expect(snooze.isSnoozed()).toBe(false);
  });

  it("speaks the person's language, following the preferences", async () => {
    const { tray } = install();
    await kit.services.handlers.updatePreferences({ preferences: { language: 'uk' } });
    await clock.advanceBy(1000);
    expect(tray.labels()[0]).toBe('Відкрити Монітор SMSBAT');
    expect(tray.tooltips.at(-1)).toBe('Нічого не відстежується · Монітор SMSBAT');
  });

  it('opens the window on a click of the icon, except on macOS where a click opens the menu', () => {
    install('linux').tray.click();
    expect(shown).toBe(1);
    install('darwin').tray.click();
    expect(shown).toBe(1);
  });

  it('leaves a tray destroyed elsewhere alone, and its undo stops listening', async () => {
    const { tray, undo } = install();
    const subscribers = kit.engine.subscriberCount;
    tray.destroy();
    kit.engine.watch(['a-1']);
    await clock.advanceBy(2000);
    undo();
    expect(kit.engine.subscriberCount).toBe(subscribers - 1);
    const second = install();
    second.undo();
    expect(second.tray.isDestroyed()).toBe(true);
  });

  it("fits Electron's own Tray and Notification types", () => {
    const trayFits = (electronTray: Tray): TrayPort => electronTray;
    const notificationFits = (notification: Notification): NotificationPort => notification;
    expect([trayFits, notificationFits]).toHaveLength(2);
  });
});
