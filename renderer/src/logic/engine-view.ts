import type { ConnectionInfo } from '../../../shared/contract';
import type { EngineSettings } from '../../../shared/engine-api';
import type { EngineHealth, SaveFailureReason } from '../../../shared/engine-health';
import type { LinkStatus } from '../transport/link-state';
import { lastSuccessSince } from './connection-epoch';

/** What the engine status area says, one word per state. */
export type EngineViewKind =
  | 'link_lost'
  | 'link_refused'
  | 'loading'
  | 'running'
  | 'idle'
  | 'paused'
  | 'stopped'
  | 'offline'
  | 'rate_limited'
  | 'credentials_rejected'
  | 'wrong_base_url'
  | 'no_credentials'
  | 'save_failed';

/** The button that fixes (or works around) the state, if there is one. */
export type EngineFix = 'resume' | 'pause' | 'retry' | 'credentials' | 'base_url' | 'connect' | null;

/** The engine status area, decided from the health and the connection. */
export interface EngineView {
  readonly kind: EngineViewKind;
  readonly fix: EngineFix;
  readonly tone: 'ok' | 'busy' | 'warning' | 'error' | 'idle';
  /** When a rate limit ends (epoch ms), or when the next probe of an offline SMSBAT is (epoch ms). */
  readonly until: number | null;
  /** The engine's own words about the blocker, or null. */
  readonly detail: string | null;
  readonly demo: boolean;
  /** Why the watch list cannot be saved (with `save_failed`), else null. */
  readonly saveFailure: SaveFailureReason | null;
  /** Requests per second over the last minute, against the cap. */
  readonly requestsPerSecond: number;
  readonly rateCapPerSecond: number;
  readonly lastSuccessAt: number | null;
  /** Whether checks are in flight right now: the only time the status dot moves (it is still otherwise). */
  readonly checking: boolean;
  /** Webhooks: flowing (polling backs off) or silent for so many minutes (polling as usual); null while off. */
  readonly webhooks: { readonly mode: 'flowing' | 'silent'; readonly silentMinutes: number } | null;
}

/** Whether the engine's last report had requests in flight (a paused or stopped engine sends none). */
export function isChecking(health: EngineHealth | null): boolean {
  return health !== null && health.mode === 'running' && health.counts.inFlight > 0;
}

/**
 * Decides what the engine status area shows: a lost or refused link to the monitor wins over everything the last
 * report said (it may be stale), then a blocker wins over the mode, and each blocker has its fix. `null` health:
 * the engine has not reported yet (the watch list is on its way).
 */
export function engineView(
  health: EngineHealth | null,
  connection: ConnectionInfo | null,
  settings: EngineSettings | null = null,
  link: LinkStatus = 'open',
  staleSuccess: number | null = null,
): EngineView {
  const base = {
    demo: connection?.demo ?? false,
    saveFailure: null,
    requestsPerSecond: (health?.counts.requestsLastMinute ?? 0) / 60,
    // The settings carry a new cap at once; health counts catch up on the engine's next report.
    rateCapPerSecond: settings?.rateCapPerSecond ?? health?.counts.rateCapPerSecond ?? 0,
    lastSuccessAt: lastSuccessSince(health?.lastSuccessAt ?? null, staleSuccess),
    checking: isChecking(health),
    webhooks:
      health?.webhooks === undefined
        ? null
        : { mode: health.webhooks.mode, silentMinutes: Math.round(health.webhooks.silentAfterMs / 60_000) },
  };
  if (link === 'lost' || link === 'refused')
    return { ...base, kind: `link_${link}`, fix: null, tone: 'error', until: null, detail: null };
  if (health === null)
    return { ...base, kind: 'loading', fix: null, tone: 'busy', until: null, detail: null };
  const blocker = health.blocker;
  if (blocker !== null) {
    switch (blocker.kind) {
      case 'save_failed':
        return {
          ...base,
          kind: blocker.kind,
          fix: null,
          tone: 'error',
          until: null,
          detail: null,
          saveFailure: blocker.reason,
        };
      case 'credentials_rejected':
        return {
          ...base,
          kind: blocker.kind,
          fix: 'credentials',
          tone: 'error',
          until: null,
          detail: blocker.message,
        };
      case 'wrong_base_url':
        return {
          ...base,
          kind: blocker.kind,
          fix: 'base_url',
          tone: 'error',
          until: null,
          detail: blocker.message,
        };
      case 'no_credentials':
        return { ...base, kind: blocker.kind, fix: 'connect', tone: 'warning', until: null, detail: null };
      case 'offline':
        return {
          ...base,
          kind: blocker.kind,
          fix: 'retry',
          tone: 'warning',
          until: blocker.nextProbeAt,
          detail: blocker.message,
        };
      case 'rate_limited':
        return {
          ...base,
          kind: blocker.kind,
          fix: null,
          tone: 'warning',
          until: blocker.until,
          detail: blocker.message,
        };
    }
  }
  switch (health.mode) {
    case 'paused':
      return { ...base, kind: 'paused', fix: 'resume', tone: 'idle', until: null, detail: null };
    case 'stopped':
      return { ...base, kind: 'stopped', fix: null, tone: 'idle', until: null, detail: null };
    case 'idle':
      return { ...base, kind: 'idle', fix: null, tone: 'ok', until: null, detail: null };
    case 'running':
      return { ...base, kind: 'running', fix: 'pause', tone: 'busy', until: null, detail: null };
  }
}
