/** A token bucket: `burst` tokens, refilled at `perSecond`; time comes from the caller (the simulator's clock). */
export interface TokenBucket {
  /** Takes one token at `nowMs`; false when the bucket is empty (the request is over the limit). */
  take(nowMs: number): boolean;
}

/** Makes a token bucket that starts full at `startMs`. */
export function createTokenBucket(
  limit: { readonly perSecond: number; readonly burst: number },
  startMs: number,
): TokenBucket {
  let tokens = limit.burst;
  let last = startMs;
  return {
    take(nowMs) {
      // A clock that steps backwards refills nothing rather than draining the bucket.
      const elapsedMs = Math.max(0, nowMs - last);
      last = Math.max(last, nowMs);
      tokens = Math.min(limit.burst, tokens + (elapsedMs * limit.perSecond) / 1000);
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
