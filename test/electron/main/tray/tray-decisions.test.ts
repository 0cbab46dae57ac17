import { describe, expect, it } from 'vitest';
import type { MessageEvent } from '../../../../shared/engine-api';
import {
  RECENT_CHANGES,
  withoutRemoved,
  withRecentChanges,
} from '../../../../electron/main/tray/recent-changes';
import { throttleDecision, TRAY_UPDATE_GAP_MS } from '../../../../electron/main/tray/update-throttle';

function event(messageId: string, kind: MessageEvent['kind'], at: number): MessageEvent {
  return { kind, messageId, at, label: null, rawStatus: null, previousRawStatus: null };
}

describe('tray update throttle', () => {
  it('applies the first update at once', () => {
    expect(throttleDecision(null, 0)).toEqual({ kind: 'now' });
  });

  it('holds an update until a full gap after the last one, and no longer', () => {
    const last = 10_000;
    expect(throttleDecision(last, last + TRAY_UPDATE_GAP_MS - 1)).toEqual({
      kind: 'later',
      atMs: last + TRAY_UPDATE_GAP_MS,
    });
    expect(throttleDecision(last, last + TRAY_UPDATE_GAP_MS)).toEqual({ kind: 'now' });
    expect(throttleDecision(last, last + TRAY_UPDATE_GAP_MS + 1)).toEqual({ kind: 'now' });
    expect(throttleDecision(last, last)).toEqual({ kind: 'later', atMs: last + TRAY_UPDATE_GAP_MS });
  });
});

describe('recent changes', () => {
  it('keeps the newest first, one per message, at most five', () => {
    const events = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, index) => event(id, 'delivered', index));
    const recent = withRecentChanges([], events);
    expect(recent.map((change) => change.messageId)).toEqual(['f', 'e', 'd', 'c', 'b']);
    expect(recent).toHaveLength(RECENT_CHANGES);
    const again = withRecentChanges(recent, [event('d', 'failed', 9)]);
    expect(again.map((change) => `${change.messageId}:${change.kind}`)).toEqual([
      'd:failed',
      'f:delivered',
      'e:delivered',
      'c:delivered',
      'b:delivered',
    ]);
  });

  it('lists only settled, failed or late messages, not status steps or failed checks', () => {
    const recent = withRecentChanges([], [event('a', 'status_changed', 1), event('b', 'check_failed', 2)]);
    expect(recent).toEqual([]);
    const before = withRecentChanges([], [event('a', 'delivered', 1)]);
    expect(withRecentChanges(before, [event('a', 'status_changed', 2)])).toBe(before);
  });

  it('drops messages no longer watched', () => {
    const recent = withRecentChanges([], [event('a', 'delivered', 1), event('b', 'failed', 2)]);
    expect(withoutRemoved(recent, ['a']).map((change) => change.messageId)).toEqual(['b']);
    expect(withoutRemoved(recent, ['z'])).toBe(recent);
  });
});
