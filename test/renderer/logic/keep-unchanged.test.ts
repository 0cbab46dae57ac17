import { describe, expect, it } from 'vitest';
import { keepUnchanged } from '../../../renderer/src/logic/keep-unchanged';

describe('keepUnchanged', () => {
  const previous = { theme: 'dark', language: 'uk', notify: { delivered: true, failed: true } };

  it('keeps the value the window holds when the host says the same again, so nothing is drawn again', () => {
    const same = { theme: 'dark', language: 'uk', notify: { delivered: true, failed: true } };
    expect(keepUnchanged(previous, same)).toBe(previous);
  });

  it('takes the new value when anything in it changed, however deep', () => {
    const next = { ...previous, notify: { delivered: false, failed: true } };
    expect(keepUnchanged(previous, next)).toBe(next);
    expect(keepUnchanged(null, previous)).toBe(previous);
  });
});
