import { describe, expect, it } from 'vitest';
import { NO_MARKS, type AggregateMarks } from '../../../../shared/aggregate-state';
import { NO_COUNTS, type WatchCounts } from '../../../../shared/watch-counts';
import type { RecentChange } from '../../../../electron/main/tray/recent-changes';
import {
  fitTooltip,
  MAX_TOOLTIP_LENGTH,
  trayView,
  type TrayInput,
  type TrayMenuItem,
} from '../../../../electron/main/tray/tray-view';

interface Sketch extends Partial<Omit<TrayInput, 'counts' | 'marks'>> {
  readonly counts?: Partial<WatchCounts>;
  readonly marks?: Partial<AggregateMarks>;
}

function input(sketch: Sketch): TrayInput {
  return {
    state: { kind: 'watching', count: 12, severity: 'active' },
    recent: [],
    snoozedUntil: null,
    ...sketch,
    counts: { ...NO_COUNTS, total: 15, watching: 12, ...sketch.counts },
    marks: { ...NO_MARKS, ...sketch.marks },
  };
}

function actions(menu: readonly TrayMenuItem[]): string[] {
  return menu.flatMap((item) =>
    item.type === 'action' ? [item.action] : item.type === 'submenu' ? actions(item.items) : [],
  );
}

const EN = { language: 'en', timeZone: 'UTC' } as const;

describe('trayView', () => {
  it('reads "3 failed · 12 watching · SMSBAT Monitor" and puts the failures beside the macOS icon', () => {
    const view = trayView(
      input({
        state: { kind: 'failed', count: 3, severity: 'error' },
        counts: { unacknowledgedFailures: 3 },
      }),
      EN,
    );
    expect(view.icon).toBe('failed');
    expect(view.tooltip).toBe('3 failed · 12 watching · SMSBAT Monitor');
    expect(view.title).toBe('3');
  });

  it('shows no macOS title without failures, and one from the first failure', () => {
    expect(trayView(input({ counts: { unacknowledgedFailures: 0 } }), EN).title).toBe('');
    expect(trayView(input({ counts: { unacknowledgedFailures: 1 } }), EN).title).toBe('1');
  });

  it('names what blocks every check first, then the marks', () => {
    const view = trayView(
      input({
        state: { kind: 'offline', count: 0, severity: 'warning' },
        marks: { paused: true, snoozed: true, demo: true },
      }),
      EN,
    );
    expect(view.tooltip).toBe(
      'Offline · 12 watching · Paused · Notifications snoozed · Demo · SMSBAT Monitor',
    );
  });

  it('says all settled, or nothing watched, when nothing is checked', () => {
    const settled = input({
      state: { kind: 'all_final', count: 4, severity: 'ok' },
      counts: { total: 4, watching: 0 },
    });
    expect(trayView(settled, EN).tooltip).toBe('All 4 settled · SMSBAT Monitor');
    const empty = input({
      state: { kind: 'empty', count: 0, severity: 'idle' },
      counts: { total: 0, watching: 0 },
    });
    expect(trayView(empty, EN).tooltip).toBe('Nothing watched · SMSBAT Monitor');
  });

  it('speaks Ukrainian with its plural forms', () => {
    const view = trayView(
      input({
        state: { kind: 'failed', count: 3, severity: 'error' },
        counts: { unacknowledgedFailures: 3 },
      }),
      { language: 'uk', timeZone: 'UTC' },
    );
    expect(view.tooltip).toBe('3 не доставлено · Відстежується 12 · Монітор SMSBAT');
    expect(view.menu[0]).toEqual({ type: 'action', action: 'open', label: 'Відкрити Монітор SMSBAT' });
  });

  it('keeps the tooltip within what Windows shows', () => {
    const view = trayView(
      input({
        marks: { paused: true, snoozed: true, demo: true },
        counts: { unacknowledgedFailures: 1, overdue: 2 },
      }),
      {
        language: 'uk',
      },
    );
    expect(view.tooltip.length).toBeLessThanOrEqual(MAX_TOOLTIP_LENGTH);
  });

  it('cuts a tooltip only past the length Windows shows', () => {
    const exact = 'x'.repeat(MAX_TOOLTIP_LENGTH);
    expect(fitTooltip(exact.slice(1))).toBe(exact.slice(1));
    expect(fitTooltip(exact)).toBe(exact);
    const cut = fitTooltip(`${exact}y`);
    expect(cut).toHaveLength(MAX_TOOLTIP_LENGTH);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('offers every action from the menu alone, with pause or resume as the engine stands', () => {
    expect(actions(trayView(input({}), EN).menu)).toEqual([
      'open',
      'watchClipboard',
      'refresh',
      'pause',
      'snoozeHour',
      'snoozeMorning',
      'quit',
    ]);
    expect(actions(trayView(input({ marks: { paused: true } }), EN).menu)).toContain('resume');
  });

  it('offers to resume notifications while snoozed, saying until when', () => {
    const until = Date.UTC(2026, 11, 9, 8, 0);
    const menu = trayView(input({ snoozedUntil: until, marks: { snoozed: true } }), EN).menu;
    expect(actions(menu)).not.toContain('snoozeHour');
    expect(actions(menu)).toContain('unsnooze');
    expect(menu).toContainEqual({ type: 'text', label: 'Notifications snoozed until Wed 08:00' });
  });

  it('lists the latest changes, each opening the window on its message', () => {
    const recent: RecentChange[] = [
      { messageId: 'm-2', label: 'Campaign A', kind: 'failed', at: 2 },
      { messageId: 'm-1', label: null, kind: 'delivered', at: 1 },
    ];
    const menu = trayView(input({ recent }), EN).menu;
    expect(menu.filter((item) => item.type === 'action' && item.action === 'reveal')).toEqual([
      { type: 'action', action: 'reveal', messageId: 'm-2', label: 'm-2 (Campaign A) — Failed' },
      { type: 'action', action: 'reveal', messageId: 'm-1', label: 'm-1 — Delivered' },
    ]);
    expect(trayView(input({}), EN).menu).toContainEqual({ type: 'text', label: 'No changes yet' });
  });
});
