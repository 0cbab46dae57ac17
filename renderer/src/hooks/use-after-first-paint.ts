import { useEffect, useState } from 'react';
import { nextFrameOrTimeout } from '../logic/frame-batch';

/**
 * False until `ready` has been true through one painted frame, then true for good: for work the first frame can do
 * without (rows drawn beyond the view), so that the first frame shows what is in view sooner.
 */
export function useAfterFirstPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let cancelled = false;
    nextFrameOrTimeout()(() => {
      // The frame's callbacks run before it paints: the state changes in the task after it.
      setTimeout(() => {
        if (!cancelled) setPainted(true);
      }, 0);
    });
    return () => {
      cancelled = true;
    };
  }, [ready, painted]);
  return painted;
}
