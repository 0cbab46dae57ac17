import { elementScroll, type Virtualizer } from '@tanstack/react-virtual';

/**
 * Follows the scroll area's size with a ResizeObserver only: the library's default also measures it at once while
 * React commits, which forces a layout of the whole page before the first frame (the frame's own layout follows).
 */
export function observeScrollRect(
  instance: Virtualizer<HTMLDivElement, Element>,
  onRect: (rect: { width: number; height: number }) => void,
): () => void {
  const element = instance.scrollElement;
  if (element === null || typeof ResizeObserver === 'undefined') return () => undefined;
  const observer = new ResizeObserver(() => {
    const { width, height } = element.getBoundingClientRect();
    onRect({ width: Math.round(width), height: Math.round(height) });
  });
  observer.observe(element, { box: 'content-box' });
  return () => {
    observer.disconnect();
  };
}

/**
 * Scrolls the list, except to the top when it is already there: the library restores the offset when it first
 * sees the scroll area, and setting `scrollTop` forces a layout of the whole page while React commits.
 */
export const scrollList: typeof elementScroll<HTMLDivElement> = (offset, options, instance) => {
  if (offset + (options.adjustments ?? 0) === 0 && (instance.scrollOffset ?? 0) === 0) return;
  elementScroll(offset, options, instance);
};

/** The scroll area's size before it is measured: the window's, so that the first frame draws every row in view. */
export function initialScrollRect(): { width: number; height: number } {
  return typeof window === 'undefined'
    ? { width: 0, height: 0 }
    : { width: window.innerWidth, height: window.innerHeight };
}
