import type { ListedMessage } from './contract';
import type { HeldBy } from './engine-api';
import type { ChannelStatus, CheckError, FallbackStep, Money, StatusSnapshot } from './message';

/**
 * Listed messages as columns, for the browser host's binary frames: ids in one string, the few distinct words
 * (labels, phases, statuses, currencies, channels) as numbers into a word list, times and amounts in one
 * Float64Array, flags in one Uint8Array, and the fields most messages leave empty (rate, error, hold) only for the
 * messages that have them. A window reads 10,000 messages from this in one loop over typed arrays, where reading
 * them as 10,000 MessagePack maps takes a value-by-value walk; the typed arrays travel as raw bytes (both ends of
 * the loopback link run on one machine, so they share its byte order).
 */
export interface MessageColumns {
  readonly count: number;
  /** Every id, one after the other; `idEnds[i]` is where id i ends. */
  readonly idText: string;
  readonly idEnds: Uint8Array;
  /** The distinct words the messages use; a word code is its index + 1, 0 is null. */
  readonly words: readonly string[];
  /** Per message, {@link WORD_FIELDS} word codes (Uint32). */
  readonly wordCodes: Uint8Array;
  /** Per message, {@link NUMBER_FIELDS} numbers (Float64; NaN is null). */
  readonly numbers: Uint8Array;
  /** Per message, one byte of flags (has a status, a charge, a schedule, a first final; overdue, acknowledged, in flight). */
  readonly flags: Uint8Array;
  /** Per message, how many channel statuses and fallback steps its status has (two Uint32s). */
  readonly stepCounts: Uint8Array;
  /** Every channel status then fallback step of every message in order, as two word codes each (Uint32). */
  readonly stepCodes: Uint8Array;
  /** The messages whose rarely set fields are set: `[index, fields]`, in index order. */
  readonly extras: readonly (readonly [number, Extras])[];
}

/** The fields most messages leave empty, for one message that sets some of them. */
interface Extras {
  readonly rate?: Money;
  readonly lastError?: CheckError;
  readonly heldBy?: HeldBy;
  /** SMSBAT's id in the status when it is not the watched id. */
  readonly statusMessageId?: string;
}

const WORD_FIELDS = 7;
const [LABEL, PHASE, RAW_STATUS, KIND, CURRENCY, FIRST_FINAL_RAW, FIRST_FINAL_KIND] = [
  0, 1, 2, 3, 4, 5, 6,
] as const;

const NUMBER_FIELDS = 10;
const [ADDED, CHECKED, CHANGED, DEADLINE, NEXT_CHECK, AMOUNT, PARTS, LIST_ID, FAILURES, FIRST_FINAL_AT] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
] as const;

// The bits of a message's flags byte.
const HAS_SNAPSHOT = 1;
const HAS_CHARGE = 2;
const HAS_SCHEDULE = 4;
const OVERDUE = 8;
const ACKNOWLEDGED = 16;
const IN_FLIGHT = 32;
const HAS_FIRST_FINAL = 64;

const NO_CHANNELS: readonly ChannelStatus[] = Object.freeze([]);
const NO_FALLBACKS: readonly FallbackStep[] = Object.freeze([]);

const bytesOf = (array: Uint32Array | Float64Array): Uint8Array =>
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** Aligned copies: bytes from a frame start wherever the frame put them. */
const uint32sOf = (bytes: Uint8Array): Uint32Array =>
  new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
const float64sOf = (bytes: Uint8Array): Float64Array =>
  new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));

const orNaN = (value: number | null | undefined): number => value ?? Number.NaN;
const orNull = (value: number | undefined): number | null =>
  value === undefined || Number.isNaN(value) ? null : value;

/** Values made once per pair of numbers and shared by everyone who asks for the same pair. */
class SharedByTwo<T> {
  readonly #make: (first: number, second: number) => T;
  readonly #made = new Map<number, Map<number, T>>();

  constructor(make: (first: number, second: number) => T) {
    this.#make = make;
  }

  get(first: number, second: number): T {
    let bySecond = this.#made.get(first);
    if (bySecond === undefined) {
      bySecond = new Map();
      this.#made.set(first, bySecond);
    }
    let value = bySecond.get(second);
    if (value === undefined) {
      value = this.#make(first, second);
      bySecond.set(second, value);
    }
    return value;
  }
}

/** Packs messages into columns (see {@link MessageColumns}). */
export function toMessageColumns(messages: readonly ListedMessage[]): MessageColumns {
  const count = messages.length;
  const wordIndex = new Map<string, number>();
  const words: string[] = [];
  const code = (word: string | null | undefined): number => {
    if (word === null || word === undefined) return 0;
    let at = wordIndex.get(word);
    if (at === undefined) {
      at = words.push(word);
      wordIndex.set(word, at);
    }
    return at;
  };
  const wordCodes = new Uint32Array(count * WORD_FIELDS);
  const numbers = new Float64Array(count * NUMBER_FIELDS);
  const flags = new Uint8Array(count);
  const idEnds = new Uint32Array(count);
  const stepCounts = new Uint32Array(count * 2);
  const stepCodes: number[] = [];
  const extras: [number, Extras][] = [];
  let idText = '';
  messages.forEach((message, i) => {
    idText += message.id;
    idEnds[i] = idText.length;
    const w = i * WORD_FIELDS;
    const n = i * NUMBER_FIELDS;
    const { snapshot, schedule, firstFinal } = message;
    wordCodes[w + LABEL] = code(message.label);
    wordCodes[w + PHASE] = code(message.phase);
    numbers[n + ADDED] = message.addedAt;
    numbers[n + CHECKED] = orNaN(message.lastCheckedAt);
    numbers[n + CHANGED] = orNaN(message.lastChangedAt);
    numbers[n + DEADLINE] = orNaN(message.deadlineAt);
    let flag = (message.overdue ? OVERDUE : 0) | (message.acknowledged ? ACKNOWLEDGED : 0);
    const extra: { -readonly [K in keyof Extras]: Extras[K] } = {};
    if (snapshot !== null) {
      flag |= HAS_SNAPSHOT;
      wordCodes[w + RAW_STATUS] = code(snapshot.rawStatus);
      wordCodes[w + KIND] = code(snapshot.kind);
      numbers[n + PARTS] = orNaN(snapshot.partsCount);
      numbers[n + LIST_ID] = orNaN(snapshot.messagelistId);
      if (snapshot.charge !== null) {
        flag |= HAS_CHARGE;
        numbers[n + AMOUNT] = snapshot.charge.amount;
        wordCodes[w + CURRENCY] = code(snapshot.charge.currency);
      }
      if (snapshot.rate !== null) extra.rate = snapshot.rate;
      stepCounts[i * 2] = snapshot.channels.length;
      stepCounts[i * 2 + 1] = snapshot.fallbacks.length;
      for (const step of snapshot.channels) stepCodes.push(code(step.channel), code(step.status));
      for (const step of snapshot.fallbacks) stepCodes.push(code(step.type), code(step.status));
      if (snapshot.messageId !== message.id) extra.statusMessageId = snapshot.messageId;
    }
    if (schedule !== null) {
      flag |= HAS_SCHEDULE | (schedule.inFlight ? IN_FLIGHT : 0);
      numbers[n + NEXT_CHECK] = orNaN(schedule.nextCheckAt);
      numbers[n + FAILURES] = schedule.consecutiveFailures;
      if (schedule.heldBy !== null) extra.heldBy = schedule.heldBy;
    }
    if (firstFinal !== null) {
      flag |= HAS_FIRST_FINAL;
      numbers[n + FIRST_FINAL_AT] = firstFinal.at;
      wordCodes[w + FIRST_FINAL_RAW] = code(firstFinal.rawStatus);
      wordCodes[w + FIRST_FINAL_KIND] = code(firstFinal.kind);
    }
    if (message.lastError !== null) extra.lastError = message.lastError;
    if (Object.keys(extra).length > 0) extras.push([i, extra]);
    flags[i] = flag;
  });
  return {
    count,
    idText,
    idEnds: bytesOf(idEnds),
    words,
    wordCodes: bytesOf(wordCodes),
    numbers: bytesOf(numbers),
    flags,
    stepCounts: bytesOf(stepCounts),
    stepCodes: bytesOf(Uint32Array.from(stepCodes)),
    extras,
  };
}

/** True when a value has the shape of {@link MessageColumns} (as a frame decoder gives it back). */
export function isMessageColumns(value: unknown): value is MessageColumns {
  if (typeof value !== 'object' || value === null) return false;
  const columns = value as Partial<Record<keyof MessageColumns, unknown>>;
  return (
    typeof columns.count === 'number' &&
    typeof columns.idText === 'string' &&
    columns.idEnds instanceof Uint8Array &&
    Array.isArray(columns.words) &&
    columns.wordCodes instanceof Uint8Array &&
    columns.numbers instanceof Uint8Array &&
    columns.flags instanceof Uint8Array &&
    columns.stepCounts instanceof Uint8Array &&
    columns.stepCodes instanceof Uint8Array &&
    Array.isArray(columns.extras)
  );
}

/** Reads messages back from columns; a TypeError when the columns do not fit together. */
export function fromMessageColumns(columns: MessageColumns): ListedMessage[] {
  const { count, idText, words, flags } = columns;
  const idEnds = uint32sOf(columns.idEnds);
  const wordCodes = uint32sOf(columns.wordCodes);
  const numbers = float64sOf(columns.numbers);
  const stepCounts = uint32sOf(columns.stepCounts);
  const stepCodes = uint32sOf(columns.stepCodes);
  if (
    !Number.isInteger(count) ||
    idEnds.length !== count ||
    wordCodes.length !== count * WORD_FIELDS ||
    numbers.length !== count * NUMBER_FIELDS ||
    flags.length !== count ||
    stepCounts.length !== count * 2 ||
    stepCodes.length !== stepCounts.reduce((sum, steps) => sum + steps * 2, 0) ||
    (count > 0 && idEnds[count - 1] !== idText.length) ||
    !columns.extras.every(
      ([at], k, all) => Number.isInteger(at) && at < count && (k === 0 || at > (all[k - 1]?.[0] ?? at)),
    )
  )
    throw new TypeError('The message columns do not fit together.');
  const extras = columns.extras;
  let nextExtra = 0;
  // Word codes index this list (0 is null); an unknown code reads as null, never as another message's word.
  const wordOf: readonly (string | null)[] = [null, ...words];
  const word = (at: number | undefined): string | null => wordOf[at ?? 0] ?? null;
  // Messages are never changed once read, so those with the same charge, or the same one channel status, share it.
  const charges = new SharedByTwo((amount, currency) => ({ amount, currency: word(currency) }));
  const oneChannel = new SharedByTwo((channel, status) =>
    Object.freeze([{ channel: word(channel) ?? '', status: word(status) ?? '' }]),
  );
  const messages = new Array<ListedMessage>(count);
  let idStart = 0;
  let step = 0;
  for (let i = 0; i < count; i += 1) {
    const w = i * WORD_FIELDS;
    const n = i * NUMBER_FIELDS;
    const flag = flags[i] ?? 0;
    const idEnd = idEnds[i] ?? idStart;
    const id = idText.slice(idStart, idEnd);
    idStart = idEnd;
    let extra: Extras | undefined;
    if (extras[nextExtra]?.[0] === i) {
      extra = extras[nextExtra]?.[1];
      nextExtra += 1;
    }
    const charge =
      (flag & HAS_CHARGE) === 0 ? null : charges.get(numbers[n + AMOUNT] ?? 0, wordCodes[w + CURRENCY] ?? 0);
    let channels = NO_CHANNELS;
    let fallbacks = NO_FALLBACKS;
    const channelCount = stepCounts[i * 2] ?? 0;
    const fallbackCount = stepCounts[i * 2 + 1] ?? 0;
    if (channelCount === 1) {
      channels = oneChannel.get(stepCodes[step] ?? 0, stepCodes[step + 1] ?? 0);
      step += 2;
    } else if (channelCount > 0) {
      const read: ChannelStatus[] = [];
      for (let k = 0; k < channelCount; k += 1, step += 2)
        read.push({
          channel: word(stepCodes[step]) ?? '',
          status: word(stepCodes[step + 1]) ?? '',
        });
      channels = read;
    }
    if (fallbackCount > 0) {
      const read: FallbackStep[] = [];
      for (let k = 0; k < fallbackCount; k += 1, step += 2)
        read.push({ type: word(stepCodes[step]) ?? '', status: word(stepCodes[step + 1]) ?? '' });
      fallbacks = read;
    }
    const snapshot: StatusSnapshot | null =
      (flag & HAS_SNAPSHOT) === 0
        ? null
        : {
            messageId: extra?.statusMessageId ?? id,
            messagelistId: orNull(numbers[n + LIST_ID]),
            rawStatus: word(wordCodes[w + RAW_STATUS]) ?? '',
            kind: (word(wordCodes[w + KIND]) ?? 'unknown') as StatusSnapshot['kind'],
            partsCount: orNull(numbers[n + PARTS]),
            charge,
            rate: extra?.rate ?? null,
            channels,
            fallbacks,
          };
    messages[i] = {
      id,
      label: word(wordCodes[w + LABEL]),
      phase: (word(wordCodes[w + PHASE]) ?? 'watching') as ListedMessage['phase'],
      snapshot,
      addedAt: numbers[n + ADDED] ?? 0,
      lastCheckedAt: orNull(numbers[n + CHECKED]),
      lastChangedAt: orNull(numbers[n + CHANGED]),
      deadlineAt: orNull(numbers[n + DEADLINE]),
      overdue: (flag & OVERDUE) !== 0,
      lastError: extra?.lastError ?? null,
      acknowledged: (flag & ACKNOWLEDGED) !== 0,
      schedule:
        (flag & HAS_SCHEDULE) === 0
          ? null
          : {
              nextCheckAt: orNull(numbers[n + NEXT_CHECK]),
              inFlight: (flag & IN_FLIGHT) !== 0,
              consecutiveFailures: numbers[n + FAILURES] ?? 0,
              heldBy: extra?.heldBy ?? null,
            },
      firstFinal:
        (flag & HAS_FIRST_FINAL) === 0
          ? null
          : {
              at: numbers[n + FIRST_FINAL_AT] ?? 0,
              rawStatus: word(wordCodes[w + FIRST_FINAL_RAW]) ?? '',
              kind: (word(wordCodes[w + FIRST_FINAL_KIND]) ?? 'unknown') as StatusSnapshot['kind'],
            },
    };
  }
  return messages;
}
