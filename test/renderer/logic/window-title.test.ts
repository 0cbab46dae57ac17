import { describe, expect, it } from 'vitest';
import { AGGREGATE_PRIORITY, aggregateState } from '../../../shared/aggregate-state';
import { translator } from '../../../shared/i18n/translate';
import { countMessages } from '../../../shared/watch-counts';
import { listedView, runningHealth } from '../../fakes/message-views';
import { faviconHref, titleKey, windowTitle } from '../../../renderer/src/logic/window-title';
import { resolveLanguage } from '../../../renderer/src/i18n/languages';
import { deadlineMsOf } from '../../../renderer/src/logic/deadline-choice';
import { isIdFile } from '../../../renderer/src/hooks/use-file-drop';

describe('window title and favicon', () => {
  it('reads "2 failed · SMSBAT Monitor"', () => {
    expect(titleKey({ kind: 'failed', count: 2, severity: 'error' })).toEqual({
      key: 'title.failed',
      count: 2,
    });
    expect(windowTitle('2 failed', 'SMSBAT Monitor')).toBe('2 failed · SMSBAT Monitor');
  });

  it('shows a pause beside the state instead of hiding it: "2 failed · Paused · SMSBAT Monitor"', () => {
    expect(windowTitle('2 failed', 'SMSBAT Monitor', ['Paused'])).toBe('2 failed · Paused · SMSBAT Monitor');
  });

  it('reads the state from the counts, with every state worded in both languages', () => {
    const state = aggregateState({
      health: runningHealth(1),
      counts: countMessages([listedView({ id: 'a', statuses: ['undeliverable'] })]),
    });
    expect(titleKey(state)).toEqual({ key: 'title.failed', count: 1 });
    for (const language of ['en', 'uk'] as const) {
      const t = translator(language);
      for (const kind of AGGREGATE_PRIORITY) {
        expect(t(`title.${kind}`, { count: 2 })).not.toBe(`title.${kind}`);
      }
    }
  });

  it('draws the favicon in the severity colour as an SVG data URL', () => {
    expect(faviconHref('error')).toMatch(/^data:image\/svg\+xml,/);
    expect(decodeURIComponent(faviconHref('error'))).toContain('#d93025');
    expect(faviconHref('ok')).not.toBe(faviconHref('error'));
  });
});

describe('small choices', () => {
  it('follows the OS language when it is one the window speaks', () => {
    expect(resolveLanguage('system', ['uk-UA', 'en'])).toBe('uk');
    expect(resolveLanguage('system', ['de-DE', 'en-GB'])).toBe('en');
    expect(resolveLanguage('system', ['fr'])).toBe('en');
    expect(resolveLanguage('uk', ['en'])).toBe('uk');
  });

  it('turns a deadline choice into ms, none for zero', () => {
    expect(deadlineMsOf(0)).toBeNull();
    expect(deadlineMsOf(5)).toBe(300_000);
    expect(() => deadlineMsOf(-1)).toThrow(TypeError);
  });

  it('accepts .txt and .csv files for ids', () => {
    expect(isIdFile({ name: 'ids.CSV', type: '' })).toBe(true);
    expect(isIdFile({ name: 'ids', type: 'text/plain' })).toBe(true);
    expect(isIdFile({ name: 'photo.png', type: 'image/png' })).toBe(false);
  });
});
