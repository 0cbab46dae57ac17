import { describe, expect, it } from 'vitest';
import {
  BACKLOG_SHARE_EVERY,
  FIRST_CHECK_WITHIN_MS,
  isFresh,
  pickFresh,
} from '../../../../electron/core/scheduler/fresh-first';

const NOW = 100_000;

describe('isFresh', () => {
  it('holds a due check fresh until it has waited exactly the promise, not a millisecond more', () => {
    expect(isFresh(NOW, NOW)).toBe(true);
    expect(isFresh(NOW - (FIRST_CHECK_WITHIN_MS - 1), NOW)).toBe(true);
    expect(isFresh(NOW - FIRST_CHECK_WITHIN_MS, NOW)).toBe(true);
    expect(isFresh(NOW - (FIRST_CHECK_WITHIN_MS + 1), NOW)).toBe(false);
  });

  it('does not count a check that is not due yet', () => {
    expect(isFresh(NOW + 1, NOW)).toBe(false);
  });
});

describe('pickFresh', () => {
  const stale = NOW - (FIRST_CHECK_WITHIN_MS + 1);
  const choice = { headDueAt: stale, headUrgent: true, freshAddedAt: NOW - 100, freshInRow: 0 };

  it('serves a fresh first check ahead of an urgent head that has missed the promise', () => {
    expect(pickFresh(choice, NOW)).toEqual({ fresh: true, freshInRow: 1 });
  });

  it('keeps the order while the head can still keep the promise (waited exactly it, or less)', () => {
    expect(pickFresh({ ...choice, headDueAt: NOW - FIRST_CHECK_WITHIN_MS }, NOW).fresh).toBe(false);
    expect(pickFresh({ ...choice, headDueAt: NOW - (FIRST_CHECK_WITHIN_MS - 1) }, NOW).fresh).toBe(false);
  });

  it('does not prefer a check that is itself past the promise', () => {
    expect(pickFresh({ ...choice, freshAddedAt: NOW - FIRST_CHECK_WITHIN_MS }, NOW).fresh).toBe(true);
    expect(pickFresh({ ...choice, freshAddedAt: NOW - (FIRST_CHECK_WITHIN_MS + 1) }, NOW).fresh).toBe(false);
    expect(pickFresh({ ...choice, freshAddedAt: null }, NOW).fresh).toBe(false);
  });

  it('leaves a routine pick its share, and a pick of nothing alone', () => {
    expect(pickFresh({ ...choice, headUrgent: false }, NOW).fresh).toBe(false);
    expect(pickFresh({ ...choice, headDueAt: null }, NOW).fresh).toBe(false);
  });

  it('gives the stale backlog one slot in BACKLOG_SHARE_EVERY', () => {
    expect(BACKLOG_SHARE_EVERY).toBe(2);
    expect(pickFresh({ ...choice, freshInRow: BACKLOG_SHARE_EVERY - 2 }, NOW)).toEqual({
      fresh: true,
      freshInRow: BACKLOG_SHARE_EVERY - 1,
    });
    expect(pickFresh({ ...choice, freshInRow: BACKLOG_SHARE_EVERY - 1 }, NOW)).toEqual({
      fresh: false,
      freshInRow: 0,
    });
    expect(pickFresh({ ...choice, freshInRow: BACKLOG_SHARE_EVERY }, NOW).fresh).toBe(false);
  });
});
