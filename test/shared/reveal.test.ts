import { describe, expect, it } from 'vitest';
import { ContractEventLog } from '../../shared/contract-event-log';
import { revealTargetOf } from '../../shared/reveal';

describe('revealTargetOf', () => {
  it('opens one message on its own', () => {
    expect(revealTargetOf({ items: [{ messageId: 'a', label: 'Campaign A', kind: 'failed' }] })).toEqual({
      messageId: 'a',
    });
  });

  it('filters a summary to its label and the buckets its messages settled in', () => {
    const items = [
      { messageId: 'a', label: 'Campaign A', kind: 'delivered' as const },
      { messageId: 'b', label: 'Campaign A', kind: 'failed' as const },
      { messageId: 'c', label: 'Campaign A', kind: 'delivered_late' as const },
    ];
    expect(revealTargetOf({ items })).toEqual({
      filter: { label: 'Campaign A', buckets: ['delivered', 'failed'] },
    });
  });

  it('leaves out the label when messages differ, and the buckets when one is only overdue', () => {
    const items = [
      { messageId: 'a', label: 'A', kind: 'failed' as const },
      { messageId: 'b', label: null, kind: 'overdue' as const },
    ];
    expect(revealTargetOf({ items })).toEqual({ filter: {} });
  });
});

describe('reveal on the window side', () => {
  it('gives a reveal that came while the window was loading to its first listener, once', () => {
    const log = new ContractEventLog();
    log.emit({ event: 'reveal', payload: { messageId: 'a' } });
    const first: unknown[] = [];
    const second: unknown[] = [];
    log.on('reveal', (target) => first.push(target));
    log.on('reveal', (target) => second.push(target));
    expect(first).toEqual([{ messageId: 'a' }]);
    expect(second).toEqual([]);
    log.emit({ event: 'reveal', payload: { messageId: 'b' } });
    expect(second).toEqual([{ messageId: 'b' }]);
  });

  it('replays the host capabilities to a late listener', () => {
    const log = new ContractEventLog();
    log.emit({ event: 'capabilities', payload: { notifications: 'host' } });
    const seen: unknown[] = [];
    log.on('capabilities', (capabilities) => seen.push(capabilities));
    expect(seen).toEqual([{ notifications: 'host' }]);
  });
});
