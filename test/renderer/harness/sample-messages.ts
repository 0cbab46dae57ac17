import type { MessageView } from '../../../shared/engine-api';
import { messageView } from '../../fakes/message-views';

/** A deterministic pseudo-random number in [0, 1) for index `i`. */
function noise(i: number, salt: number): number {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

const LABELS = ['Black Friday campaign', 'Order batch 2041', 'OTP codes', null] as const;

/** `count` varied messages (delivered, failed, fallbacks, pending, errors) added over the last hour before `now`. */
export function sampleMessages(count: number, now: number): readonly MessageView[] {
  const messages: MessageView[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = noise(i, 1);
    const label = LABELS[Math.floor(noise(i, 2) * LABELS.length)] ?? null;
    const addedAt = now - 150_000 - Math.floor(noise(i, 3) * 3_600_000);
    const stepMs = 1000 + Math.floor(noise(i, 4) * 40_000);
    const id = `${(0x5a000000 + i * 7919).toString(16)}-${String(i).padStart(5, '0')}`;
    const viber = noise(i, 5) < 0.3;
    const currency = viber ? 'UAH' : null;
    if (r < 0.68) {
      messages.push(
        messageView({
          id,
          label,
          addedAt,
          stepMs,
          statuses: ['scheduled', 'processing', 'delivered'],
          charge: { amount: Math.round((0.2 + noise(i, 6)) * 100) / 100, currency },
          parts: 1 + Math.floor(noise(i, 7) * 3),
          channels: viber
            ? noise(i, 8) < 0.6
              ? [
                  { channel: 'viber', status: 'delivered' },
                  { channel: 'sms', status: 'not_used' },
                ]
              : [
                  { channel: 'viber', status: 'expired' },
                  { channel: 'sms', status: 'delivered' },
                ]
            : [],
        }),
      );
    } else if (r < 0.78) {
      messages.push(
        messageView({
          id,
          label,
          addedAt,
          stepMs,
          statuses: ['scheduled', 'undeliverable'],
          charge: { amount: 0, currency },
          channels: viber
            ? [
                { channel: 'viber', status: 'undeliverable' },
                { channel: 'sms', status: 'undeliverable' },
              ]
            : [],
        }),
      );
    } else if (r < 0.9) {
      messages.push(
        messageView({
          id,
          label,
          addedAt,
          stepMs,
          statuses: ['scheduled', 'processing'],
          nextCheckAt: now + 20_000,
        }),
      );
    } else if (r < 0.95) {
      messages.push(messageView({ id, label, addedAt, nextCheckAt: now + 3000 }));
    } else if (r < 0.98) {
      messages.push(
        messageView({
          id,
          label,
          addedAt,
          statuses: ['scheduled'],
          error: {
            kind: 'server',
            message: 'SMSBAT answered 503 Service Unavailable.',
            httpStatus: 503,
            at: now - 30_000,
          },
          nextCheckAt: now + 45_000,
        }),
      );
    } else {
      messages.push(
        messageView({
          id: `missing-${i}`,
          label,
          addedAt,
          phase: 'not_found',
          error: {
            kind: 'not_found',
            message: 'SMSBAT answered 404: no such message.',
            httpStatus: 404,
            at: now - 60_000,
          },
        }),
      );
    }
  }
  return messages;
}
