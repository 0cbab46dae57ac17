// The build without `new Function`: the window's CSP has no 'unsafe-eval', and msgpackr's default build would try
// it (and have Chromium report a CSP violation) before falling back to the same reader this one always uses.
import { Unpackr } from 'msgpackr/unpack-no-eval';

const unpackr = new Unpackr({ useRecords: true, bundleStrings: true });

/**
 * Reads one binary event frame from the host (a head `[event, …]`, then the payload: MessagePack with records and
 * bundled strings) as `{event, payload}`; `undefined` when it is not one.
 */
export function decodeEventFrame(data: ArrayBuffer | Uint8Array): unknown {
  try {
    const values = unpackr.unpackMultiple(data instanceof Uint8Array ? data : new Uint8Array(data)) as
      unknown[] | undefined;
    const [head, payload] = values ?? [];
    if (values?.length !== 2 || !Array.isArray(head) || typeof head[0] !== 'string') return undefined;
    return { event: head[0], payload };
  } catch {
    return undefined;
  }
}
