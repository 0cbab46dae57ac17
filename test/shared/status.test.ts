import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DOCUMENTED_STATUSES,
  STATUS_KINDS,
  classifyStatus,
  describeStatus,
  isFinalKind,
  mayReplaceStatus,
} from '../../shared/status';

describe('classifyStatus', () => {
  it('maps the five documented statuses to pending, pending, delivered, failed, failed', () => {
    expect(DOCUMENTED_STATUSES.map(classifyStatus)).toEqual([
      'pending',
      'pending',
      'delivered',
      'failed',
      'failed',
    ]);
  });

  it.each([
    ['sent', 'pending'],
    ['accepted', 'pending'],
    ['read', 'delivered'],
    ['expired', 'failed'],
    ['failed', 'failed'],
    ['rejected', 'failed'],
  ] as const)('tolerates the extra status "%s" (%s) in any case and with surrounding spaces', (raw, kind) => {
    expect(classifyStatus(raw)).toBe(kind);
    expect(classifyStatus(raw.toUpperCase())).toBe(kind);
    expect(classifyStatus(`  ${raw[0]?.toUpperCase() ?? ''}${raw.slice(1)}\t`)).toBe(kind);
  });

  it('reads documented statuses written in capitals or padded with spaces', () => {
    expect(classifyStatus('DELIVERED')).toBe('delivered');
    expect(classifyStatus(' PermanentError ')).toBe('failed');
    expect(classifyStatus('\nScheduled')).toBe('pending');
  });

  it.each(['', '   ', 'deliverd', 'not_used', 'toString', 'constructor', '__proto__', 'delivered!'])(
    'treats the unrecognised status %j as unknown',
    (raw) => {
      expect(classifyStatus(raw)).toBe('unknown');
    },
  );

  it('never throws and always gives one of the four kinds, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        expect(STATUS_KINDS).toContain(classifyStatus(raw));
      }),
    );
  });
});

describe('isFinalKind', () => {
  it('treats only delivered and failed as final', () => {
    expect(STATUS_KINDS.filter(isFinalKind)).toEqual(['delivered', 'failed']);
  });
});

describe('mayReplaceStatus', () => {
  it('accepts any first status', () => {
    for (const next of STATUS_KINDS) expect(mayReplaceStatus(undefined, next)).toBe(true);
  });

  it('never lets a non-final status replace a final one (late or out-of-order responses)', () => {
    expect(mayReplaceStatus('delivered', 'pending')).toBe(false);
    expect(mayReplaceStatus('delivered', 'unknown')).toBe(false);
    expect(mayReplaceStatus('failed', 'pending')).toBe(false);
    expect(mayReplaceStatus('failed', 'unknown')).toBe(false);
  });

  it('lets a message move forward from pending or unknown to anything', () => {
    for (const current of ['pending', 'unknown'] as const) {
      for (const next of STATUS_KINDS) expect(mayReplaceStatus(current, next)).toBe(true);
    }
  });

  it('keeps the final status through any sequence of observations, once one has been seen', () => {
    const kind = fc.constantFrom(...STATUS_KINDS);
    fc.assert(
      fc.property(fc.array(kind, { minLength: 1 }), (observed) => {
        let current: (typeof STATUS_KINDS)[number] | undefined;
        let sawFinal = false;
        for (const next of observed) {
          if (mayReplaceStatus(current, next)) current = next;
          sawFinal ||= isFinalKind(next);
          if (sawFinal) expect(current !== undefined && isFinalKind(current)).toBe(true);
        }
      }),
    );
  });
});

describe('describeStatus', () => {
  it('describes documented statuses in words', () => {
    expect(describeStatus('scheduled')).toBe('queued for sending');
    expect(describeStatus('processing')).toBe('being sent');
    expect(describeStatus('delivered')).toBe('delivered');
    expect(describeStatus('undeliverable')).toBe('undeliverable (rejected)');
    expect(describeStatus('permanenterror')).toBe('permanent error (removed from queue)');
  });

  it('describes statuses regardless of case and spacing', () => {
    expect(describeStatus('  EXPIRED ')).toBe('expired before delivery');
    expect(describeStatus('Read')).toBe('read by the recipient');
  });

  it('keeps the raw string of an unknown status so people can report it', () => {
    expect(describeStatus('Queued_For_Review')).toBe('unknown status "Queued_For_Review"');
    expect(describeStatus('hasOwnProperty')).toBe('unknown status "hasOwnProperty"');
    expect(describeStatus('constructor')).toBe('unknown status "constructor"');
  });

  it('gives words, never a crash, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const words = describeStatus(raw);
        expect(words.length).toBeGreaterThan(0);
        if (classifyStatus(raw) === 'unknown') expect(words).toContain(raw);
      }),
    );
  });
});
