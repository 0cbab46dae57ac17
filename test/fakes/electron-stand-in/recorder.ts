/** One call to Electron's API (or one event it emitted) as the stand-in saw it: plain JSON. */
export interface StandInRecord {
  /** e.g. `BrowserWindow.show`, `Notification.show`, `bridge.event`. */
  readonly api: string;
  readonly data: unknown;
  /** The order it happened in. */
  readonly seq: number;
}

type RecordListener = (record: StandInRecord) => void;

const records: StandInRecord[] = [];
const listeners = new Set<RecordListener>();

/** Turns values into plain JSON: functions become their name, native images a marker, cycles are cut. */
export function plain(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'function') return `[function ${value.name}]`;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => plain(item, seen));
  if (value instanceof Error) return { error: value.message };
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'function') continue;
    out[key] = plain(item, seen);
  }
  return out;
}

/** Records one call or event. */
export function record(api: string, data: unknown = null): void {
  const entry: StandInRecord = { api, data: plain(data), seq: records.length };
  records.push(entry);
  for (const listener of listeners) listener(entry);
}

/** Every record so far. */
export function allRecords(): readonly StandInRecord[] {
  return records;
}

/** Calls `listener` for each later record; returns the function that stops. */
export function onRecord(listener: RecordListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets every record (unit tests between cases). */
export function clearRecords(): void {
  records.length = 0;
}
