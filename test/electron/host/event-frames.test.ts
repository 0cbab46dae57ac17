import { describe, expect, it } from 'vitest';
import { createEventFramePacker } from '../../../electron/host/loopback/event-frames';
import { decodeEventFrame } from '../../../renderer/src/transport/event-frame-decoder';
import { listedMessage, type ContractEventMessage, type ListedMessage } from '../../../shared/contract';
import { freshMessage, messageView, runningHealth, TEST_SETTINGS } from '../../fakes/message-views';

/** What the window gets from a frame: the packed bytes as the ArrayBuffer a browser's WebSocket hands over. */
function overTheWire(
  pack: (message: ContractEventMessage) => Buffer,
  message: ContractEventMessage,
): unknown {
  const bytes = pack(message);
  const data = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(data).set(bytes);
  return decodeEventFrame(data);
}

const messages: ListedMessage[] = [
  // As the hosts push them: without their histories.
  freshMessage('1000000001', 1_764_300_000_123),
  freshMessage('1000000002', 1_764_300_000_456, 'Чорна п’ятниця 🛍️ — “quoted” \\ back\nslash'),
  messageView({ id: '1000000003', label: 'OTP', statuses: ['accepted', 'delivered'], stepMs: 1_500 }),
  messageView({
    id: '1000000004',
    statuses: ['accepted', 'undelivered'],
    charge: { amount: 0.0123, currency: 'UAH' },
    parts: 3,
    channels: [
      { channel: 'viber', status: 'expired' },
      { channel: 'sms', status: 'delivered' },
    ],
    overdue: true,
    acknowledged: true,
  }),
  messageView({
    id: '1000000005',
    label: '',
    statuses: ['queued'],
    parts: null,
    charge: { amount: -1.5, currency: null },
    error: {
      kind: 'rate_limited',
      message: 'Too many requests; waiting 2 s.',
      httpStatus: 429,
      at: 1_764_300_002_000,
    },
    nextCheckAt: 9_007_199_254_740_991,
  }),
].map(listedMessage);

const events: ContractEventMessage[] = [
  {
    event: 'feed',
    payload: {
      type: 'snapshot',
      snapshot: {
        version: 41,
        messages,
        health: runningHealth(5, { lastSuccessAt: null }),
        totals: {
          total: 5,
          counts: { unchecked: 2, pending: 1, delivered: 1, failed: 1, unknown: 0, not_found: 0, gave_up: 0 },
          overdue: 1,
          deliveryRate: 0.5,
          costs: [{ currency: 'UAH', amount: 0.0123, count: 1 }],
        },
        settings: TEST_SETTINGS,
      },
    },
  },
  {
    event: 'feed',
    payload: {
      type: 'change',
      change: {
        version: 42,
        upserted: [messages[2] as ListedMessage],
        removed: [],
        events: [
          {
            kind: 'delivered',
            messageId: '1000000003',
            at: 1_764_300_001_000,
            label: 'OTP',
            rawStatus: 'delivered',
            previousRawStatus: null,
          },
        ],
        health: runningHealth(4),
        settings: undefined,
      },
    },
  },
  {
    event: 'notification',
    payload: {
      title: 'Delivered',
      body: 'Повідомлення доставлено',
      severity: 'success',
      messageIds: ['1000000003'],
      kind: 'delivered',
      items: [{ messageId: '1000000003', label: null, kind: 'delivered', rawStatus: 'delivered' }],
      counts: { delivered: 1 },
    },
  },
  {
    event: 'connection',
    payload: {
      source: 'none',
      signedInAs: null,
      baseUrl: 'http://127.0.0.1:4010',
      authMethod: null,
      noCredentialsReason: null,
      demo: true,
      persistent: false,
    },
  },
  {
    event: 'preferences',
    payload: { theme: 'dark', language: 'uk', notify: { delivered: true, failed: true, overdue: false } },
  },
];

describe("the browser host's binary event frames", () => {
  it('bring every pushed event back exactly as the host sent it', () => {
    const pack = createEventFramePacker();
    for (const message of events) expect(overTheWire(pack, message)).toStrictEqual(message);
  });

  it('decode each on its own, whatever frames came before (a window that reconnects mid-stream)', () => {
    const pack = createEventFramePacker();
    const frames = events.map((message) => pack(message));
    const last = frames.at(-1);
    if (last === undefined) throw new Error('no frames');
    expect(decodeEventFrame(new Uint8Array(last))).toStrictEqual(events.at(-1));
  });

  it('are smaller than the JSON text of a snapshot of many messages', () => {
    const many = Array.from({ length: 1_000 }, (_, index) =>
      messageView({
        id: String(1_000_000_000 + index),
        label: 'Campaign',
        statuses: ['accepted', 'delivered'],
      }),
    );
    const first = events[0];
    if (first?.event !== 'feed' || first.payload.type !== 'snapshot') throw new Error('no snapshot');
    const message: ContractEventMessage = {
      event: 'feed',
      payload: {
        type: 'snapshot',
        snapshot: { ...first.payload.snapshot, messages: many.map(listedMessage) },
      },
    };
    const packed = createEventFramePacker()(message);
    expect(packed.byteLength).toBeLessThan(Buffer.byteLength(JSON.stringify(message)) / 2);
    expect(decodeEventFrame(new Uint8Array(packed))).toStrictEqual(message);
  });

  it('carry a snapshot of a busy day, 10,000 messages, in under 52 bytes a message (raw columns took 135)', () => {
    // Chromium's main thread pays for every byte of a WebSocket message (about 25 ms per MB after handing it over,
    // measured here), before the window can draw it.
    const start = 1_764_300_000_000;
    const day = Array.from({ length: 10_000 }, (_, index) =>
      messageView({
        id: String(4_000_000_000 + index * 37),
        label: ['Black Friday', 'OTP', null][index % 3] ?? null,
        statuses: [['accepted'], ['accepted', 'delivered'], ['accepted', 'undelivered']][index % 3],
        addedAt: start + index * 8_641,
        stepMs: 1_000 + (index % 997) * 61,
        charge: { amount: [0.35, 0.7, 1.05][index % 3] ?? 0, currency: 'UAH' },
        parts: 1 + (index % 3),
        channels: index % 2 === 0 ? [{ channel: 'viber', status: 'delivered' }] : [],
      }),
    ).map(listedMessage);
    const first = events[0];
    if (first?.event !== 'feed' || first.payload.type !== 'snapshot') throw new Error('no snapshot');
    const message: ContractEventMessage = {
      event: 'feed',
      payload: { type: 'snapshot', snapshot: { ...first.payload.snapshot, messages: day } },
    };
    const packed = createEventFramePacker()(message);
    expect(packed.byteLength / day.length).toBeLessThan(52);
    expect(overTheWire(createEventFramePacker(), message)).toStrictEqual(message);
  });

  it("say in their first bytes which event they carry and, for the feed, the item's type", () => {
    const pack = createEventFramePacker();
    const head = (message: ContractEventMessage) =>
      String.fromCharCode(...pack(message).subarray(0, 24)).replace(/[^a-z]+/g, ' ');
    expect(head(events[0] as ContractEventMessage)).toMatch(/^ feed snapshot /);
    expect(head(events[1] as ContractEventMessage)).toMatch(/^ feed change /);
    expect(head(events[3] as ContractEventMessage)).toMatch(/^ connection /);
  });

  it('read garbage without throwing, and the next frame still decodes', () => {
    const pack = createEventFramePacker();
    const snapshot = pack(events[0] as ContractEventMessage);
    expect(decodeEventFrame(new Uint8Array(snapshot.subarray(0, snapshot.byteLength / 2)))).toBeUndefined();
    for (const garbage of [new Uint8Array([0xc1]), new Uint8Array([0xd4, 0x72, 0x40]), new Uint8Array(0)])
      expect(() => decodeEventFrame(garbage)).not.toThrow();
    expect(overTheWire(pack, events[4] as ContractEventMessage)).toStrictEqual(events[4]);
  });
});
