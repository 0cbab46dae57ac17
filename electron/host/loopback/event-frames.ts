import { Packr } from 'msgpackr';
import type { ContractEventMessage, ListedFeedItem } from '../../../shared/contract';
import { toMessageColumns } from '../../../shared/message-columns';

/** A feed item with its messages as columns (see `MessageColumns`). */
function withMessageColumns(item: ListedFeedItem): unknown {
  return item.type === 'snapshot'
    ? { ...item, snapshot: { ...item.snapshot, messages: toMessageColumns(item.snapshot.messages) } }
    : { ...item, change: { ...item.change, upserted: toMessageColumns(item.change.upserted) } };
}

/**
 * Packs pushed events as two MessagePack values one after the other: a head, `[event]` or `[event, type]` for a
 * feed item (so a frame's first bytes say what it is), then the payload with msgpackr's records (each object
 * shape's keys once per frame) and its bundled strings (the strings of each stretch of the frame in one block the
 * window decodes with one TextDecoder call instead of one string at a time). A feed item's messages travel as
 * columns (`MessageColumns`): 10,000 of them are read back in one loop instead of value by value. Each frame
 * carries its own record definitions, so any frame decodes on its own (a window that reconnects needs no earlier
 * frame).
 */
export function createEventFramePacker(): (message: ContractEventMessage) => Buffer {
  const head = new Packr({ useRecords: false });
  const body = new Packr({ useRecords: true, bundleStrings: true });
  return (message) =>
    message.event === 'feed'
      ? Buffer.concat([
          head.pack([message.event, message.payload.type]),
          body.pack(withMessageColumns(message.payload)),
        ])
      : Buffer.concat([head.pack([message.event]), body.pack(message.payload)]);
}
