import { describe, expect, it } from 'vitest';
import { closeHintDue } from '../../../electron/main/close-hint';

describe('the hint that the app lives on in the tray', () => {
  it('is shown on the first close that hides the window, where the OS can notify', () => {
    expect(closeHintDue({ quitting: false, shownBefore: false, canNotify: true })).toBe(true);
  });

  it('is not shown again, nor when quitting, nor where the OS cannot notify', () => {
    expect(closeHintDue({ quitting: false, shownBefore: true, canNotify: true })).toBe(false);
    expect(closeHintDue({ quitting: true, shownBefore: false, canNotify: true })).toBe(false);
    expect(closeHintDue({ quitting: false, shownBefore: false, canNotify: false })).toBe(false);
  });
});
