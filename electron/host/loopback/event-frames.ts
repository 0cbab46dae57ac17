import { Packr } from 'msgpackr';
import type { ContractEventMessage } from '../../../shared/contract';

/**
 * Packs pushed events as MessagePack with msgpackr's records: each object shape's keys are written once per frame
 * (a snapshot of 10,000 messages names `id`, `status`, … once, not 10,000 times), and the window reads the frame
 * from an ArrayBuffer without first turning megabytes of UTF-8 into a string. Each frame carries its own record
 * definitions, so any frame decodes on its own (a window that reconnects needs no earlier frame).
 */
export function createEventFramePacker(): (message: ContractEventMessage) => Buffer {
  const packr = new Packr({ useRecords: true });
  return (message) => packr.pack(message);
}
