// The build without `new Function`: the window's CSP has no 'unsafe-eval', and msgpackr's default build would try
// it (and have Chromium report a CSP violation) before falling back to the same reader this one always uses.
import { Unpackr } from 'msgpackr/unpack-no-eval';

const unpackr = new Unpackr({ useRecords: true });

/** Reads one binary event frame from the host (MessagePack with records); `undefined` when it is not one. */
export function decodeEventFrame(data: ArrayBuffer | Uint8Array): unknown {
  try {
    return unpackr.unpack(data instanceof Uint8Array ? data : new Uint8Array(data)) as unknown;
  } catch {
    return undefined;
  }
}
