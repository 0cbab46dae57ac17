import { describe, expect, it } from 'vitest';
import type { MessageView, ScheduleFacts } from '../../shared/engine-api';
import { describeWait, explainWait } from '../../shared/wait-explanation';

const NOW = Date.UTC(2026, 0, 1, 14, 0);
const hhmm = (at: number) => new Date(at).toISOString().slice(11, 16);

function view(schedule: ScheduleFacts | null, phase: MessageView['phase'] = 'watching'): MessageView {
  return {
    id: 'm1',
    label: null,
    phase,
    snapshot: null,
    history: [],
    addedAt: NOW,
    lastCheckedAt: null,
    lastChangedAt: null,
    deadlineAt: null,
    overdue: false,
    lastError: null,
    acknowledged: false,
    schedule,
  };
}

const facts = (partial: Partial<ScheduleFacts>): ScheduleFacts => ({
  nextCheckAt: null,
  inFlight: false,
  consecutiveFailures: 0,
  heldBy: null,
  ...partial,
});

const why = (message: MessageView) => {
  const reason = explainWait(message);
  return reason === null ? null : describeWait(reason, NOW, hhmm);
};

describe('explainWait / describeWait', () => {
  it('says when the next check is, and after how many failures', () => {
    expect(explainWait(view(facts({ nextCheckAt: NOW + 40_000 })))).toEqual({
      kind: 'next_check',
      at: NOW + 40_000,
      failures: 0,
    });
    expect(why(view(facts({ nextCheckAt: NOW + 40_000 })))).toBe('next check in 40 s');
    expect(why(view(facts({ nextCheckAt: NOW + 300_000, consecutiveFailures: 2 })))).toBe(
      'next check in 5 min (after 2 failed checks)',
    );
  });

  it('names what holds a message and until when', () => {
    const rateLimited = facts({ heldBy: { reason: 'rate_limited', until: NOW + 2 * 60_000 } });
    expect(why(view(rateLimited))).toBe('held: SMSBAT asked us to slow down until 14:02');
    expect(why(view(facts({ heldBy: { reason: 'paused', until: null } })))).toBe('held: paused');
    expect(why(view(facts({ heldBy: { reason: 'credentials_rejected', until: null } })))).toMatch(
      /rejected the credentials/,
    );
  });

  it('covers checks in flight, an engine not running, and ended watches', () => {
    expect(why(view(facts({ inFlight: true })))).toBe('checking now');
    expect(why(view(null))).toMatch(/not running/);
    expect(explainWait(view(null, 'final'))).toBeNull();
    expect(explainWait(view(null, 'gave_up'))).toBeNull();
  });
});
