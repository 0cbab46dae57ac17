/** The engine state as the scheduler reports it today; replaced by `EngineHealth` in engine-health.ts. */
/**
 * How the polling engine as a whole is doing, for the window, the tray and the CLI. Per-message problems live on
 * each message; this is what affects every message at once.
 */
export type LegacyHealth =
  | { readonly state: 'idle' }
  | { readonly state: 'running' }
  | { readonly state: 'paused' }
  | { readonly state: 'rate_limited'; readonly resumesAt: number; readonly message: string }
  | { readonly state: 'auth_failed'; readonly message: string }
  | { readonly state: 'offline'; readonly since: number; readonly retryAt: number; readonly message: string }
  | { readonly state: 'stopped' };

/** One line for people: what the engine is doing and, when stuck, what to do about it. */
export function describeLegacyHealth(health: LegacyHealth, now: number): string {
  switch (health.state) {
    case 'idle':
      return 'Nothing to watch.';
    case 'running':
      return 'Watching.';
    case 'paused':
      return 'Paused.';
    case 'rate_limited':
      return `SMSBAT asked us to slow down; resuming in ${secondsUntil(health.resumesAt, now)} s.`;
    case 'auth_failed':
      return `Credentials rejected: ${health.message} Check the API key or login, then try again.`;
    case 'offline':
      return `Offline: ${health.message} Retrying in ${secondsUntil(health.retryAt, now)} s.`;
    case 'stopped':
      return 'Stopped.';
  }
}

function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}
