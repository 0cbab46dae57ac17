// The build without `new Function`: the window's CSP has no 'unsafe-eval', and msgpackr's default build would try
// it (and have Chromium report a CSP violation) before falling back to the same reader this one always uses.
import { Unpackr } from 'msgpackr/unpack-no-eval';
import { fromMessageColumns, isMessageColumns } from '../../../shared/message-columns';

const unpackr = new Unpackr({ useRecords: true, bundleStrings: true });

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;

/** A feed item with its message columns read back into messages; unchanged when it has none. */
function withMessages(type: unknown, payload: unknown): unknown {
  if (!isObject(payload)) return payload;
  const [part, field] = type === 'snapshot' ? ['snapshot', 'messages'] : ['change', 'upserted'];
  const inner = payload[part];
  if (!isObject(inner) || !isMessageColumns(inner[field])) return payload;
  return { ...payload, [part]: { ...inner, [field]: fromMessageColumns(inner[field]) } };
}

/**
 * Reads one binary event frame from the host (a head `[event, …]`, then the payload: MessagePack with records and
 * bundled strings, a feed item's messages as columns) as `{event, payload}`; `undefined` when it is not one.
 */
export function decodeEventFrame(data: ArrayBuffer | Uint8Array): unknown {
  try {
    const values = unpackr.unpackMultiple(data instanceof Uint8Array ? data : new Uint8Array(data)) as
      unknown[] | undefined;
    const [head, payload] = values ?? [];
    if (values?.length !== 2 || !Array.isArray(head) || typeof head[0] !== 'string') return undefined;
    return { event: head[0], payload: head[0] === 'feed' ? withMessages(head[1], payload) : payload };
  } catch {
    return undefined;
  }
}
