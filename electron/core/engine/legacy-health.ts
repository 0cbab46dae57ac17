import type { EngineHealth } from '../../../shared/engine-health';
import type { LegacyHealth } from '../../../shared/legacy-health';

/** The older one-state view of health, for callers not yet moved onto `EngineHealth`. */
export function toLegacyHealth(health: EngineHealth): LegacyHealth {
  if (health.mode === 'stopped') return { state: 'stopped' };
  if (health.mode === 'paused') return { state: 'paused' };
  const blocker = health.blocker;
  if (blocker !== null) {
    switch (blocker.kind) {
      case 'rate_limited':
        return { state: 'rate_limited', resumesAt: blocker.until, message: blocker.message };
      case 'offline':
        return {
          state: 'offline',
          since: blocker.since,
          retryAt: blocker.nextProbeAt,
          message: blocker.message,
        };
      case 'credentials_rejected':
      case 'wrong_base_url':
        return { state: 'auth_failed', message: blocker.message };
      case 'no_credentials':
        return { state: 'auth_failed', message: 'No credentials.' };
    }
  }
  return health.mode === 'idle' ? { state: 'idle' } : { state: 'running' };
}
