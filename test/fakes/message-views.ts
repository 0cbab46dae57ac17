import { listedMessage, type ListedMessage } from '../../shared/contract';
import type { EngineSettings, MessageView } from '../../shared/engine-api';
import type { EngineHealth } from '../../shared/engine-health';
import type { ChannelStatus, Money } from '../../shared/message';
import { classifyStatus, isFinalKind } from '../../shared/status';

/** A message view as a fresh watch looks. */
export function freshMessage(id: string, at: number, label: string | null = null): MessageView {
  return {
    id,
    label,
    phase: 'watching',
    snapshot: null,
    history: [],
    addedAt: at,
    lastCheckedAt: null,
    lastChangedAt: null,
    deadlineAt: null,
    overdue: false,
    lastError: null,
    acknowledged: false,
    schedule: null,
  };
}

/** What a test message looks like; everything optional. */
export interface MessageSketch {
  readonly id: string;
  readonly label?: string | null;
  /** Raw statuses in order, the last one current; none: not checked yet. */
  readonly statuses?: readonly string[];
  readonly addedAt?: number;
  /** Ms between the statuses in `statuses`. @default 1000 */
  readonly stepMs?: number;
  readonly charge?: Money | null;
  readonly parts?: number | null;
  readonly channels?: readonly ChannelStatus[];
  readonly phase?: MessageView['phase'];
  readonly acknowledged?: boolean;
  readonly overdue?: boolean;
  readonly error?: MessageView['lastError'];
  readonly nextCheckAt?: number | null;
}

/** Builds a full MessageView from a sketch (the status history spaced `stepMs` apart from `addedAt`). */
export function messageView(sketch: MessageSketch): MessageView {
  const addedAt = sketch.addedAt ?? 1_700_000_000_000;
  const step = sketch.stepMs ?? 1000;
  const statuses = sketch.statuses ?? [];
  const history = statuses.map((rawStatus, index) => ({
    at: addedAt + step * (index + 1),
    rawStatus,
    kind: classifyStatus(rawStatus),
  }));
  const last = statuses.at(-1);
  const kind = last === undefined ? null : classifyStatus(last);
  const phase = sketch.phase ?? (kind !== null && isFinalKind(kind) ? 'final' : 'watching');
  const lastAt = history.at(-1)?.at ?? null;
  return {
    id: sketch.id,
    label: sketch.label ?? null,
    phase,
    snapshot:
      last === undefined
        ? null
        : {
            messageId: sketch.id,
            messagelistId: 7,
            rawStatus: last,
            kind: classifyStatus(last),
            partsCount: sketch.parts === undefined ? 1 : sketch.parts,
            charge: sketch.charge === undefined ? null : sketch.charge,
            rate: null,
            channels: sketch.channels ?? [],
            fallbacks: [],
          },
    history,
    addedAt,
    lastCheckedAt: lastAt,
    lastChangedAt: lastAt,
    deadlineAt: null,
    overdue: sketch.overdue ?? false,
    lastError: sketch.error ?? null,
    acknowledged: sketch.acknowledged ?? false,
    schedule:
      phase === 'watching'
        ? {
            nextCheckAt: sketch.nextCheckAt ?? addedAt + 60_000,
            inFlight: false,
            consecutiveFailures: 0,
            heldBy: null,
          }
        : null,
  };
}

/** Healthy, running engine health with the given watching count. */
export function runningHealth(watching = 0, overrides: Partial<EngineHealth> = {}): EngineHealth {
  return {
    mode: watching > 0 ? 'running' : 'idle',
    blocker: null,
    counts: { watching, inFlight: 0, backlog: 0, requestsLastMinute: 120, rateCapPerSecond: 10 },
    lastSuccessAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** The engine settings tests start from. */
export const TEST_SETTINGS: EngineSettings = {
  rateCapPerSecond: 10,
  concurrency: 4,
  watchWindowMs: 72 * 3_600_000,
  firstIntervalMs: 5000,
  baseUrl: 'https://restapi.smsbat.com',
  authMethod: 'api-key-header',
};

/** A test message as the window's feed carries it (no history; its first final status kept). */
export function listedView(sketch: MessageSketch): ListedMessage {
  return listedMessage(messageView(sketch));
}
