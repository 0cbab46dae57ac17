import type { MessageView } from '../shared/engine-api';
import { classifyStatus } from '../shared/status';

const OUTCOMES = ['delivered', 'delivered', 'delivered', 'undeliverable'] as const;
const LABELS = ['Black Friday campaign', 'One-time codes', 'Newsletter', null] as const;

/**
 * `count` messages whose watch has ended, as an export carries them: each queued, sent, then delivered (three in
 * four) or undeliverable, with its cost, spread over the hour before `endAt`.
 */
export function finalMessages(count: number, endAt: number): MessageView[] {
  return Array.from({ length: count }, (_, index): MessageView => {
    const addedAt = endAt - 3_600_000 + Math.floor((index / count) * 3_000_000);
    const outcome = OUTCOMES[index % OUTCOMES.length] ?? 'delivered';
    const statuses = ['scheduled', 'processing', outcome];
    const history = statuses.map((rawStatus, step) => ({
      at: addedAt + 2_000 * (step + 1),
      rawStatus,
      kind: classifyStatus(rawStatus),
    }));
    const lastAt = history.at(-1)?.at ?? addedAt;
    const id = `rest-${String(index).padStart(6, '0')}`;
    return {
      id,
      label: LABELS[index % LABELS.length] ?? null,
      phase: 'final',
      snapshot: {
        messageId: id,
        messagelistId: 1 + Math.floor(index / 1000),
        rawStatus: outcome,
        kind: classifyStatus(outcome),
        partsCount: 1,
        charge: { amount: outcome === 'delivered' ? 0.35 : 0, currency: 'UAH' },
        rate: null,
        channels: [],
        fallbacks: [],
      },
      history,
      addedAt,
      lastCheckedAt: lastAt,
      lastChangedAt: lastAt,
      deadlineAt: null,
      overdue: false,
      lastError: null,
      acknowledged: false,
      schedule: null,
    };
  });
}
