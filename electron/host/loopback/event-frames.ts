import { Packr } from 'msgpackr';
import type { ContractEventMessage } from '../../../shared/contract';

/**
 * Packs pushed events as two MessagePack values one after the other: a head, `[event]` or `[event, type]` for a
 * feed item (so a frame's first bytes say what it is), then the payload with msgpackr's records (each object
 * shape's keys once per frame: a snapshot of 10,000 messages names `id`, `label`, … once, not 10,000 times) and
 * its bundled strings (the strings of each stretch of the frame in one block the window decodes with one
 * TextDecoder call instead of one string at a time). Each frame carries its own record definitions, so any frame
 * decodes on its own (a window that reconnects needs no earlier frame).
 */
export function createEventFramePacker(): (message: ContractEventMessage) => Buffer {
  const head = new Packr({ useRecords: false });
  const body = new Packr({ useRecords: true, bundleStrings: true });
  return (message) =>
    Buffer.concat([
      head.pack(message.event === 'feed' ? [message.event, message.payload.type] : [message.event]),
      body.pack(message.payload),
    ]);
}
