import { useEffect, useState } from 'react';
import { afterNextPaint } from '../logic/frame-batch';

/**
 * False until `ready` has been true through one painted frame, then true for good: for work the first frame can do
 * without (rows drawn beyond the view), so that the first frame shows what is in view sooner.
 */
export function useAfterFirstPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    return afterNextPaint(() => {
      setPainted(true);
    });
  }, [ready, painted]);
  return painted;
}
