import { describe, expect, it } from 'vitest';
import { refusalLines } from '../../../renderer/src/logic/webhook-refusals';
import { engineView } from '../../../renderer/src/logic/engine-view';
import { runningHealth } from '../../fakes/message-views';

const none = {
  wrong_path: 0,
  wrong_method: 0,
  too_large: 0,
  not_json_type: 0,
  rate_limited: 0,
  not_json: 0,
  bad_shape: 0,
};

describe('webhook refusals in Settings', () => {
  it('lists only reasons with refusals, most first', () => {
    expect(refusalLines(none)).toEqual([]);
    expect(refusalLines({ ...none, not_json: 3, wrong_path: 1, rate_limited: 3 })).toEqual([
      { reason: 'rate_limited', count: 3 },
      { reason: 'not_json', count: 3 },
      { reason: 'wrong_path', count: 1 },
    ]);
  });
});

describe('the webhook mode in the engine status', () => {
  it('says nothing while webhooks are off, and the silent time in minutes once they fall silent', () => {
    expect(engineView(runningHealth(1), null).webhooks).toBeNull();
    const silent = runningHealth(1, { webhooks: { mode: 'silent', lastAt: 0, silentAfterMs: 600_000 } });
    expect(engineView(silent, null).webhooks).toEqual({ mode: 'silent', silentMinutes: 10 });
    const flowing = runningHealth(1, { webhooks: { mode: 'flowing', lastAt: 0, silentAfterMs: 600_000 } });
    expect(engineView(flowing, null).webhooks?.mode).toBe('flowing');
  });
});
