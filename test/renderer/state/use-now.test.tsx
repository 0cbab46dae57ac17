// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from '../../../renderer/src/state/use-now';

const START = 1_000_000;
let hidden = false;

function setHidden(next: boolean): void {
  hidden = next;
  document.dispatchEvent(new Event('visibilitychange'));
}

function Clock() {
  return <span data-testid="now">{useNow(5000)}</span>;
}

describe('the clock that keeps relative times fresh', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
    hidden = false;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  const shown = (view: ReturnType<typeof render>): number => Number(view.getByTestId('now').textContent);

  it('moves every period while the window is visible', () => {
    const view = render(<Clock />);
    expect(shown(view)).toBe(START);
    act(() => {
      vi.advanceTimersByTime(15_000);
    });
    expect(shown(view)).toBe(START + 15_000);
  });

  it('runs no timer while the window is hidden, and catches up at once when it is shown', () => {
    const view = render(<Clock />);
    act(() => {
      setHidden(true);
    });
    expect(vi.getTimerCount()).toBe(0);
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(shown(view)).toBe(START);
    act(() => {
      setHidden(false);
    });
    expect(shown(view)).toBe(START + 60_000);
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(shown(view)).toBe(START + 65_000);
  });
});
