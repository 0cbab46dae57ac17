import { useEffect, useState } from 'react';

/**
 * The current time, updated every `everyMs` while the window is visible (relative times in the list stay fresh
 * without a render per change). A hidden window runs no timer at all, and catches up the moment it is shown again,
 * so a monitor left open all day costs nothing while nobody looks at it.
 */
export function useNow(everyMs = 5000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | null = null;
    const stop = (): void => {
      if (timer !== null) clearInterval(timer);
      timer = null;
    };
    const follow = (): void => {
      stop();
      if (document.hidden) return;
      setNow(Date.now());
      timer = setInterval(() => {
        setNow(Date.now());
      }, everyMs);
    };
    follow();
    document.addEventListener('visibilitychange', follow);
    return () => {
      document.removeEventListener('visibilitychange', follow);
      stop();
    };
  }, [everyMs]);
  return now;
}
