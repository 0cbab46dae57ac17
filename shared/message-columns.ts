import type { ListedMessage } from './contract';
import type { HeldBy } from './engine-api';
import type { ChannelStatus, CheckError, FallbackStep, Money, StatusSnapshot } from './message';
import {
  isPackedNumberBlock,
  packNumberBlock,
  readNumberBlock,
  valueAt,
  type NumberBlock,
  type PackedNumberBlock,
} from './number-block';

/**
 * Listed messages as columns, for the browser host's binary frames: ids in one string, the few distinct words
 * (labels, phases, statuses, currencies, channels) as codes into a word list, times, counts and amounts in blocks of
 * the narrowest width that holds them (`PackedNumberBlock`), flags in one Uint8Array, and the fields most messages
 * leave empty (rate, error, hold) only for the messages that have them. A window reads 10,000 messages from this in
 * one loop over typed arrays, where reading them as 10,000 MessagePack maps takes a value-by-value walk; and the
 * bytes are few, since Chromium's main thread pays for every byte of a WebSocket message before the window can
 * draw it (the benchmark's snapshot of 10,000 messages is 0.40 MB, where raw Float64 and Uint32 columns took 1.37).
 */
export interface MessageColumns {
  readonly count: number;
  /** Every id, one after the other; `idLengths` says where each ends. */
  readonly idText: string;
  readonly idLengths: PackedNumberBlock;
  /** The distinct words the messages use; a word code is its index + 1, 0 is null. */
  readonly words: readonly string[];
  /** Per message, {@link WORD_FIELDS} word codes. */
  readonly wordCodes: PackedNumberBlock;
  /** Per message, {@link TIME_FIELDS} epoch-ms times or nulls. */
  readonly times: PackedNumberBlock;
  /** Per message, {@link COUNT_FIELDS} whole numbers or nulls (parts, list id, failures). */
  readonly counts: PackedNumberBlock;
  /** Per message, its charge's amount (null without a charge). */
  readonly amounts: PackedNumberBlock;
  /** Per message, one byte of flags (has a status, a charge, a schedule, a first final; overdue, acknowledged, in flight). */
  readonly flags: Uint8Array;
  /** Per message, how many channel statuses and how many fallback steps its status has. */
  readonly stepCounts: PackedNumberBlock;
  /** Every channel status then fallback step of every message in order, as two word codes each. */
  readonly stepCodes: PackedNumberBlock;
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

const TIME_FIELDS = 6;
const [ADDED, CHECKED, CHANGED, DEADLINE, NEXT_CHECK, FIRST_FINAL_AT] = [0, 1, 2, 3, 4, 5] as const;

const COUNT_FIELDS = 3;
const [PARTS, LIST_ID, FAILURES] = [0, 1, 2] as const;

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
  const wordCodes = new Array<number>(count * WORD_FIELDS).fill(0);
  const times = new Array<number | null>(count * TIME_FIELDS).fill(null);
  const counts = new Array<number | null>(count * COUNT_FIELDS).fill(null);
  const amounts = new Array<number | null>(count).fill(null);
  const flags = new Uint8Array(count);
  const idLengths: number[] = [];
  const stepCounts: number[] = [];
  const stepCodes: number[] = [];
  const extras: [number, Extras][] = [];
  let idText = '';
  messages.forEach((message, i) => {
    idText += message.id;
    idLengths.push(message.id.length);
    const w = i * WORD_FIELDS;
    const t = i * TIME_FIELDS;
    const c = i * COUNT_FIELDS;
    const { snapshot, schedule, firstFinal } = message;
    wordCodes[w + LABEL] = code(message.label);
    wordCodes[w + PHASE] = code(message.phase);
    times[t + ADDED] = message.addedAt;
    times[t + CHECKED] = message.lastCheckedAt;
    times[t + CHANGED] = message.lastChangedAt;
    times[t + DEADLINE] = message.deadlineAt;
    let flag = (message.overdue ? OVERDUE : 0) | (message.acknowledged ? ACKNOWLEDGED : 0);
    const extra: { -readonly [K in keyof Extras]: Extras[K] } = {};
    if (snapshot === null) stepCounts.push(0, 0);
    else {
      flag |= HAS_SNAPSHOT;
      wordCodes[w + RAW_STATUS] = code(snapshot.rawStatus);
      wordCodes[w + KIND] = code(snapshot.kind);
      counts[c + PARTS] = snapshot.partsCount;
      counts[c + LIST_ID] = snapshot.messagelistId;
      if (snapshot.charge !== null) {
        flag |= HAS_CHARGE;
        amounts[i] = snapshot.charge.amount;
        wordCodes[w + CURRENCY] = code(snapshot.charge.currency);
      }
      if (snapshot.rate !== null) extra.rate = snapshot.rate;
      stepCounts.push(snapshot.channels.length, snapshot.fallbacks.length);
      for (const step of snapshot.channels) stepCodes.push(code(step.channel), code(step.status));
      for (const step of snapshot.fallbacks) stepCodes.push(code(step.type), code(step.status));
      if (snapshot.messageId !== message.id) extra.statusMessageId = snapshot.messageId;
    }
    if (schedule !== null) {
      flag |= HAS_SCHEDULE | (schedule.inFlight ? IN_FLIGHT : 0);
      times[t + NEXT_CHECK] = schedule.nextCheckAt;
      counts[c + FAILURES] = schedule.consecutiveFailures;
      if (schedule.heldBy !== null) extra.heldBy = schedule.heldBy;
    }
    if (firstFinal !== null) {
      flag |= HAS_FIRST_FINAL;
      times[t + FIRST_FINAL_AT] = firstFinal.at;
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
    idLengths: packNumberBlock(idLengths),
    words,
    wordCodes: packNumberBlock(wordCodes),
    times: packNumberBlock(times),
    counts: packNumberBlock(counts),
    amounts: packNumberBlock(amounts),
    flags,
    stepCounts: packNumberBlock(stepCounts),
    stepCodes: packNumberBlock(stepCodes),
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
    isPackedNumberBlock(columns.idLengths) &&
    Array.isArray(columns.words) &&
    isPackedNumberBlock(columns.wordCodes) &&
    isPackedNumberBlock(columns.times) &&
    isPackedNumberBlock(columns.counts) &&
    isPackedNumberBlock(columns.amounts) &&
    columns.flags instanceof Uint8Array &&
    isPackedNumberBlock(columns.stepCounts) &&
    isPackedNumberBlock(columns.stepCodes) &&
    Array.isArray(columns.extras)
  );
}

/** Reads messages back from columns; a TypeError when the columns do not fit together. */
export function fromMessageColumns(columns: MessageColumns): ListedMessage[] {
  const { count, idText, words, flags, extras } = columns;
  const misfit = () => new TypeError('The message columns do not fit together.');
  if (!Number.isInteger(count) || count < 0 || flags.length !== count) throw misfit();
  const whole = { whole: true } as const;
  const idLengths = readNumberBlock(columns.idLengths, count, whole);
  const wordCodes = readNumberBlock(columns.wordCodes, count * WORD_FIELDS, whole);
  const times = readNumberBlock(columns.times, count * TIME_FIELDS);
  const counts = readNumberBlock(columns.counts, count * COUNT_FIELDS);
  const amounts = readNumberBlock(columns.amounts, count);
  const stepCounts = readNumberBlock(columns.stepCounts, count * 2, whole);
  // How many step codes there are shows once every message's steps are read (checked after the loop).
  const stepCodes = readNumberBlock(columns.stepCodes, undefined, whole);
  if (
    !extras.every(
      ([at], k, all) => Number.isInteger(at) && at < count && (k === 0 || at > (all[k - 1]?.[0] ?? at)),
    )
  )
    throw misfit();
  let nextExtra = 0;
  // Word codes index this list (0 is null); an unknown code reads as null, never as another message's word.
  const wordOf: readonly (string | null)[] = [null, ...words];
  const wordOfCode = (code: number | null): string | null => wordOf[code ?? 0] ?? null;
  const word = (block: NumberBlock, at: number): string | null => wordOfCode(valueAt(block, at));
  // Messages are never changed once read, so those with the same charge, or the same one channel status, share it.
  const charges = new SharedByTwo((amount, currency) => ({ amount, currency: wordOfCode(currency) }));
  const oneChannel = new SharedByTwo((channel, status) =>
    Object.freeze([{ channel: wordOfCode(channel) ?? '', status: wordOfCode(status) ?? '' }]),
  );
  const messages = new Array<ListedMessage>(count);
  let idStart = 0;
  let step = 0;
  for (let i = 0; i < count; i += 1) {
    const w = i * WORD_FIELDS;
    const t = i * TIME_FIELDS;
    const c = i * COUNT_FIELDS;
    const flag = flags[i] ?? 0;
    const idEnd = idStart + (valueAt(idLengths, i) ?? 0);
    const id = idText.slice(idStart, idEnd);
    idStart = idEnd;
    let extra: Extras | undefined;
    if (extras[nextExtra]?.[0] === i) {
      extra = extras[nextExtra]?.[1];
      nextExtra += 1;
    }
    const charge =
      (flag & HAS_CHARGE) === 0
        ? null
        : charges.get(valueAt(amounts, i) ?? 0, valueAt(wordCodes, w + CURRENCY) ?? 0);
    let channels = NO_CHANNELS;
    let fallbacks = NO_FALLBACKS;
    const channelCount = valueAt(stepCounts, i * 2) ?? 0;
    const fallbackCount = valueAt(stepCounts, i * 2 + 1) ?? 0;
    if (channelCount === 1) {
      channels = oneChannel.get(valueAt(stepCodes, step) ?? 0, valueAt(stepCodes, step + 1) ?? 0);
      step += 2;
    } else if (channelCount > 0) {
      const read: ChannelStatus[] = [];
      for (let k = 0; k < channelCount; k += 1, step += 2)
        read.push({ channel: word(stepCodes, step) ?? '', status: word(stepCodes, step + 1) ?? '' });
      channels = read;
    }
    if (fallbackCount > 0) {
      const read: FallbackStep[] = [];
      for (let k = 0; k < fallbackCount; k += 1, step += 2)
        read.push({ type: word(stepCodes, step) ?? '', status: word(stepCodes, step + 1) ?? '' });
      fallbacks = read;
    }
    const snapshot: StatusSnapshot | null =
      (flag & HAS_SNAPSHOT) === 0
        ? null
        : {
            messageId: extra?.statusMessageId ?? id,
            messagelistId: valueAt(counts, c + LIST_ID),
            rawStatus: word(wordCodes, w + RAW_STATUS) ?? '',
            kind: (word(wordCodes, w + KIND) ?? 'unknown') as StatusSnapshot['kind'],
            partsCount: valueAt(counts, c + PARTS),
            charge,
            rate: extra?.rate ?? null,
            channels,
            fallbacks,
          };
    messages[i] = {
      id,
      label: word(wordCodes, w + LABEL),
      phase: (word(wordCodes, w + PHASE) ?? 'watching') as ListedMessage['phase'],
      snapshot,
      addedAt: valueAt(times, t + ADDED) ?? 0,
      lastCheckedAt: valueAt(times, t + CHECKED),
      lastChangedAt: valueAt(times, t + CHANGED),
      deadlineAt: valueAt(times, t + DEADLINE),
      overdue: (flag & OVERDUE) !== 0,
      lastError: extra?.lastError ?? null,
      acknowledged: (flag & ACKNOWLEDGED) !== 0,
      schedule:
        (flag & HAS_SCHEDULE) === 0
          ? null
          : {
              nextCheckAt: valueAt(times, t + NEXT_CHECK),
              inFlight: (flag & IN_FLIGHT) !== 0,
              consecutiveFailures: valueAt(counts, c + FAILURES) ?? 0,
              heldBy: extra?.heldBy ?? null,
            },
      firstFinal:
        (flag & HAS_FIRST_FINAL) === 0
          ? null
          : {
              at: valueAt(times, t + FIRST_FINAL_AT) ?? 0,
              rawStatus: word(wordCodes, w + FIRST_FINAL_RAW) ?? '',
              kind: (word(wordCodes, w + FIRST_FINAL_KIND) ?? 'unknown') as StatusSnapshot['kind'],
            },
    };
  }
  // Every id and every step code read, none past the end.
  if (idStart !== idText.length || step !== stepCodes.values.length) throw misfit();
  return messages;
}
