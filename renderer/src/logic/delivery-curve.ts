import type { ListedMessage } from '../../../shared/contract';
import { isFinalKind } from '../../../shared/status';

/** One point of a delivery curve: by `afterMs` since watching, this share of the messages was final / delivered. */
export interface CurvePoint {
  readonly afterMs: number;
  /** Share (0..1) of all the messages with a final status by then. */
  readonly finalShare: number;
  /** Share (0..1) of all the messages delivered by then. */
  readonly deliveredShare: number;
}

/** When a message first reached a final status, from its history (or its last change), or null. */
export function finalAt(message: ListedMessage): { at: number; delivered: boolean } | null {
  const entry = message.firstFinal;
  if (entry !== null) return { at: entry.at, delivered: entry.kind === 'delivered' };
  const snapshot = message.snapshot;
  if (snapshot === null || !isFinalKind(snapshot.kind)) return null;
  return {
    at: message.lastChangedAt ?? message.lastCheckedAt ?? message.addedAt,
    delivered: snapshot.kind === 'delivered',
  };
}

/**
 * The delivery curve of a set of messages: a step per message that became final, at the time it took since it was
 * watched, as a share of ALL the messages (so a campaign with stragglers never reaches 1). Starts at (0, 0, 0);
 * at most `maxPoints` points (later points win when thinning), for a chart that stays light at 10,000 messages.
 */
export function deliveryCurve(messages: readonly ListedMessage[], maxPoints = 200): readonly CurvePoint[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new TypeError(`Expected maxPoints to be an integer of at least 2, got ${String(maxPoints)}`);
  }
  const total = messages.length;
  if (total === 0) return [];
  const finals: { afterMs: number; delivered: boolean }[] = [];
  for (const message of messages) {
    const final = finalAt(message);
    if (final !== null)
      finals.push({ afterMs: Math.max(0, final.at - message.addedAt), delivered: final.delivered });
  }
  finals.sort((a, b) => a.afterMs - b.afterMs);
  const points: CurvePoint[] = [{ afterMs: 0, finalShare: 0, deliveredShare: 0 }];
  let final = 0;
  let delivered = 0;
  for (let index = 0; index < finals.length; index += 1) {
    const item = finals[index];
    if (item === undefined) continue;
    final += 1;
    if (item.delivered) delivered += 1;
    const next = finals[index + 1];
    if (next !== undefined && next.afterMs === item.afterMs) continue;
    points.push({ afterMs: item.afterMs, finalShare: final / total, deliveredShare: delivered / total });
  }
  return thin(points, maxPoints);
}

/** Keeps the first, the last and evenly spaced points between, never more than `maxPoints`. */
function thin(points: readonly CurvePoint[], maxPoints: number): readonly CurvePoint[] {
  if (points.length <= maxPoints) return points;
  const kept: CurvePoint[] = [];
  const step = (points.length - 1) / (maxPoints - 1);
  for (let index = 0; index < maxPoints; index += 1) {
    const point = points[Math.round(index * step)];
    if (point !== undefined) kept.push(point);
  }
  return kept;
}
