import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../../electron/core/virtual-clock';
import {
  installNotifications,
  notificationCapabilities,
} from '../../../../electron/main/notifications/notifications';
import {
  createSnoozeControl,
  type SnoozeControl,
} from '../../../../electron/main/notifications/snooze-control';
import type { ContractEventMessage } from '../../../../shared/contract';
import type { MessageEvent } from '../../../../shared/engine-api';
import { FakeNotification, virtualTimers } from '../../../fakes/fake-electron-shell';
import { messageView } from '../../../fakes/message-views';
import { startServicesKit, type ServicesKit } from '../../host/host-test-kit';

function event(
  messageId: string,
  kind: MessageEvent['kind'],
  label: string | null = 'Campaign A',
): MessageEvent {
  return {
    kind,
    messageId,
    at: 1,
    label,
    rawStatus: kind === 'failed' ? 'undeliverable' : 'delivered',
    previousRawStatus: null,
  };
}

/** Settles messages one engine change each, as rounds of checks would. */
function settle(
  kit: ServicesKit,
  ids: readonly string[],
  kind: 'delivered' | 'failed',
  label?: string | null,
): void {
  for (const id of ids) {
    kit.engine.emitChange(
      [
        messageView({
          id,
          label: label ?? 'Campaign A',
          statuses: [kind === 'failed' ? 'undeliverable' : 'delivered'],
        }),
      ],
      [event(id, kind, label === undefined ? 'Campaign A' : label)],
    );
  }
}

let kit: ServicesKit;
let clock: VirtualClock;
let snooze: SnoozeControl;
let shown: FakeNotification[];
let windowShown: number;
let revealed: ContractEventMessage[];
let undo: () => void;
let systemLanguages: string[];

beforeEach(async () => {
  kit = await startServicesKit({ env: { SMSBAT_API_KEY: 'test-key-0000' } });
  await kit.services.handlers.updatePreferences({
    preferences: { notify: { delivered: true, failed: true } },
  });
  clock = new VirtualClock(Date.UTC(2026, 11, 8, 10, 0));
  snooze = createSnoozeControl(virtualTimers(clock), () => 0);
  shown = [];
  windowShown = 0;
  revealed = [];
  systemLanguages = ['en-US'];
  kit.services.subscribe((message) => {
    if (message.event === 'reveal') revealed.push(message);
  });
  undo = installNotifications({
    services: kit.services,
    createNotification: (options) => {
      const notification = new FakeNotification(options);
      shown.push(notification);
      return notification;
    },
    showWindow: () => {
      windowShown += 1;
    },
    systemLanguages: () => systemLanguages,
    snooze,
    timers: virtualTimers(clock),
  });
});

afterEach(async () => {
  undo();
  snooze.dispose();
  await kit.close();
});

describe('operating system notifications', () => {
  it('shows one message as it is, and a click opens the window on it', async () => {
    settle(kit, ['m-1'], 'failed');
    await clock.advanceBy(700);
    expect(shown.map((n) => [n.options, n.shown])).toEqual([
      [{ title: 'Failed', body: 'm-1 (Campaign A) — undeliverable' }, true],
    ]);
    shown[0]?.click();
    expect(windowShown).toBe(1);
    expect(revealed).toEqual([{ event: 'reveal', payload: { messageId: 'm-1' } }]);
  });

  it('makes one summary of a burst, and a click shows the list filtered to it', async () => {
    settle(
      kit,
      ['d-1', 'd-2', 'd-3', 'd-4', 'd-5', 'd-6', 'd-7', 'd-8', 'd-9', 'd-10', 'd-11', 'd-12'],
      'delivered',
    );
    settle(kit, ['f-1', 'f-2'], 'failed');
    await clock.advanceBy(699);
    expect(shown).toEqual([]);
    await clock.advanceBy(1);
    expect(shown.map((n) => n.options)).toEqual([
      { title: '14 messages changed', body: '12 delivered, 2 failed in Campaign A' },
    ]);
    shown[0]?.click();
    expect(revealed).toEqual([
      { event: 'reveal', payload: { filter: { label: 'Campaign A', buckets: ['delivered', 'failed'] } } },
    ]);
  });

  it('leaves the label out of a summary of messages from different campaigns', async () => {
    settle(kit, ['d-1'], 'delivered', 'A');
    settle(kit, ['d-2'], 'delivered', 'B');
    await clock.advanceBy(700);
    expect(shown.map((n) => n.options.body)).toEqual(['2 delivered']);
  });

  it('shows only the kinds the person wants', async () => {
    await kit.services.handlers.updatePreferences({ preferences: { notify: { delivered: false } } });
    settle(kit, ['d-1'], 'delivered');
    settle(kit, ['f-1'], 'failed');
    await clock.advanceBy(700);
    expect(shown.map((n) => n.options.title)).toEqual(['Failed']);
  });

  it('stays silent while snoozed, and speaks again when the snooze runs out', async () => {
    snooze.snooze('hour');
    settle(kit, ['f-1'], 'failed');
    await clock.advanceBy(3_600_000 - 1);
    expect(shown).toEqual([]);
    await clock.advanceBy(1);
    settle(kit, ['f-2'], 'failed');
    await clock.advanceBy(700);
    expect(shown.map((n) => n.options.body)).toEqual(['f-2 (Campaign A) — undeliverable']);
  });

  it("speaks the person's language: the chosen one, or the system's", async () => {
    systemLanguages = ['uk-UA'];
    settle(kit, ['d-1', 'd-2', 'd-3', 'd-4', 'd-5'], 'delivered');
    await clock.advanceBy(700);
    await kit.services.handlers.updatePreferences({ preferences: { language: 'en' } });
    settle(kit, ['f-1'], 'failed');
    await clock.advanceBy(700);
    expect(shown.map((n) => n.options)).toEqual([
      { title: '5 повідомлень змінили стан', body: '5 доставлено — Campaign A' },
      { title: 'Failed', body: 'f-1 (Campaign A) — undeliverable' },
    ]);
  });

  it('keeps shown notifications referenced until closed, so their clicks still arrive', async () => {
    settle(kit, ['f-1'], 'failed');
    await clock.advanceBy(700);
    settle(kit, ['f-2'], 'failed');
    await clock.advanceBy(700);
    shown[0]?.close();
    shown[1]?.click();
    expect(revealed.map((message) => message.payload)).toEqual([{ messageId: 'f-2' }]);
  });

  it('says the main process shows notifications where the OS can, else the window toasts', () => {
    expect(notificationCapabilities(true)).toEqual({ notifications: 'host' });
    expect(notificationCapabilities(false)).toEqual({ notifications: 'toasts' });
  });
});
