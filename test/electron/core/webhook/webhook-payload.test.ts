import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_WEBHOOK_STATUS_LENGTH,
  parseWebhookBody,
} from '../../../../electron/core/webhook/webhook-payload';

describe('reading a webhook from SMSBAT', () => {
  it('reads the documented example', () => {
    const body =
      '{"messageId":"abc123def456","deliverystatus":"delivered","timestamp":"2025-01-23T10:30:00Z","cost":0.05}';
    expect(parseWebhookBody(body)).toEqual({
      ok: true,
      status: {
        messageId: 'abc123def456',
        rawStatus: 'delivered',
        kind: 'delivered',
        at: Date.UTC(2025, 0, 23, 10, 30, 0),
        cost: 0.05,
      },
    });
  });

  it('tolerates extra fields, a numeric string cost, no cost, and a time with an offset', () => {
    const parsed = parseWebhookBody(
      JSON.stringify({
        messageId: 'm-1',
        deliverystatus: 'undeliverable',
        timestamp: '2025-01-23T12:30:00.250+02:00',
        cost: '0.00',
        billCurrency: 'UAH',
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      status: {
        messageId: 'm-1',
        rawStatus: 'undeliverable',
        kind: 'failed',
        at: Date.UTC(2025, 0, 23, 10, 30, 0, 250),
        cost: 0,
      },
    });
    const noCost = parseWebhookBody(
      '{"messageId":"m-2","deliverystatus":"processing","timestamp":"2025-01-23T10:30:00Z"}',
    );
    expect(noCost.ok && noCost.status.cost).toBeNull();
  });

  it('keeps an unknown status word as sent, classified unknown', () => {
    const parsed = parseWebhookBody(
      '{"messageId":"m-3","deliverystatus":"Bounced","timestamp":"2025-01-23T10:30:00Z"}',
    );
    expect(parsed.ok && parsed.status).toMatchObject({ rawStatus: 'Bounced', kind: 'unknown' });
  });

  it('refuses a body that is not JSON, and one that is not of the documented shape', () => {
    expect(parseWebhookBody('messageId=abc')).toEqual({ ok: false, problem: 'not_json' });
    for (const body of [
      '[]',
      'null',
      '{"deliverystatus":"delivered","timestamp":"2025-01-23T10:30:00Z"}',
      '{"messageId":"a b","deliverystatus":"delivered","timestamp":"2025-01-23T10:30:00Z"}',
      '{"messageId":"m","deliverystatus":"","timestamp":"2025-01-23T10:30:00Z"}',
      '{"messageId":"m","deliverystatus":"delivered","timestamp":"yesterday"}',
      '{"messageId":"m","deliverystatus":"delivered","timestamp":"2025-01-23T10:30:00Z","cost":"free"}',
      '{"messageId":42,"deliverystatus":"delivered","timestamp":"2025-01-23T10:30:00Z"}',
    ]) {
      expect(parseWebhookBody(body), body).toEqual({ ok: false, problem: 'bad_shape' });
    }
  });

  it(`takes a status word of exactly ${MAX_WEBHOOK_STATUS_LENGTH} characters and refuses one longer`, () => {
    const body = (status: string): string =>
      JSON.stringify({ messageId: 'm', deliverystatus: status, timestamp: '2025-01-23T10:30:00Z' });
    expect(parseWebhookBody(body('x'.repeat(MAX_WEBHOOK_STATUS_LENGTH - 1))).ok).toBe(true);
    expect(parseWebhookBody(body('x'.repeat(MAX_WEBHOOK_STATUS_LENGTH))).ok).toBe(true);
    expect(parseWebhookBody(body('x'.repeat(MAX_WEBHOOK_STATUS_LENGTH + 1))).ok).toBe(false);
  });

  it('never throws, whatever the body', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const parsed = parseWebhookBody(text);
        expect(typeof parsed.ok).toBe('boolean');
      }),
    );
  });
});
