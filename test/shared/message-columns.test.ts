import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListedMessage } from '../../shared/contract';
import { STATUS_KINDS, WATCH_PHASES } from '../../shared/glossary';
import { fromMessageColumns, toMessageColumns } from '../../shared/message-columns';

const time = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const text = fc.string({ maxLength: 12, unit: 'grapheme' });
const money = fc.record({
  amount: fc.double({ noNaN: true }),
  currency: maybe(fc.constantFrom('UAH', 'EUR', '')),
});

const message: fc.Arbitrary<ListedMessage> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }),
    label: maybe(text),
    phase: fc.constantFrom(...WATCH_PHASES),
    snapshot: maybe(
      fc.record({
        otherId: maybe(text),
        messagelistId: maybe(fc.integer()),
        rawStatus: fc.constantFrom('delivered', 'Undeliverable', 'queued', ''),
        kind: fc.constantFrom(...STATUS_KINDS),
        partsCount: maybe(fc.nat(10)),
        charge: maybe(money),
        rate: maybe(money),
        channels: fc.array(fc.record({ channel: text, status: text }), { maxLength: 2 }),
        fallbacks: fc.array(fc.record({ type: text, status: text }), { maxLength: 2 }),
      }),
    ),
    addedAt: time,
    lastCheckedAt: maybe(time),
    lastChangedAt: maybe(time),
    deadlineAt: maybe(time),
    overdue: fc.boolean(),
    lastError: maybe(
      fc.record({
        kind: fc.constantFrom('auth', 'network', 'rate_limited'),
        message: text,
        httpStatus: maybe(fc.integer({ min: 100, max: 599 })),
        at: time,
      }),
    ),
    acknowledged: fc.boolean(),
    schedule: maybe(
      fc.record({
        nextCheckAt: maybe(time),
        inFlight: fc.boolean(),
        consecutiveFailures: fc.nat(50),
        heldBy: maybe(
          fc.record({ reason: fc.constantFrom('paused', 'offline', 'rate_limited'), until: maybe(time) }),
        ),
      }),
    ),
    firstFinal: maybe(
      fc.record({
        at: time,
        rawStatus: fc.constantFrom('delivered', 'expired'),
        kind: fc.constantFrom(...STATUS_KINDS),
      }),
    ),
  })
  // Plain objects, as a host's messages are (fast-check may build records without a prototype).
  .map((generated) => structuredClone(generated))
  .map(({ snapshot, ...rest }) => ({
    ...rest,
    snapshot:
      snapshot === null
        ? null
        : (({ otherId, ...status }) => ({ ...status, messageId: otherId ?? rest.id }))(snapshot),
  }));

describe('message columns', () => {
  it('give back every message exactly, in order', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 30 }), (messages) => {
        expect(fromMessageColumns(toMessageColumns(messages))).toStrictEqual(messages);
      }),
      { numRuns: 300 },
    );
  });

  it('name each distinct word once however many messages use it', () => {
    const messages = fc
      .sample(message, { numRuns: 200, seed: 7 })
      .map((m) => ({ ...m, label: 'Black Friday' }));
    const columns = toMessageColumns(messages);
    expect(columns.words.filter((word) => word === 'Black Friday')).toHaveLength(1);
  });

  it('refuse columns that do not fit together', () => {
    const [first] = fc.sample(message, { numRuns: 1, seed: 3 });
    if (first === undefined) throw new Error('no sample');
    const columns = toMessageColumns([first, first]);
    expect(() => fromMessageColumns({ ...columns, count: 3 })).toThrow(TypeError);
    expect(() => fromMessageColumns({ ...columns, flags: new Uint8Array(1) })).toThrow(TypeError);
    expect(() => fromMessageColumns({ ...columns, idText: `${columns.idText}x` })).toThrow(TypeError);
    const error = { kind: 'network', message: 'down', httpStatus: null, at: 1 } as const;
    expect(() =>
      fromMessageColumns({
        ...columns,
        extras: [
          [1, { lastError: error }],
          [0, { lastError: error }],
        ],
      }),
    ).toThrow(TypeError);
    expect(() => fromMessageColumns({ ...columns, extras: [[2, { lastError: error }]] })).toThrow(TypeError);
  });
});
