import { describe, expect, it } from 'vitest';
import { listedMessage } from '../../../shared/contract';
import { statusPhrase } from '../../../renderer/src/logic/status-phrase';
import { messageView } from '../../fakes/message-views';

const NOW = 1_700_000_100_000;
const notFound = { kind: 'not_found' as const, message: 'not known', httpStatus: 404, at: NOW - 1_000 };

describe('statusPhrase', () => {
  it('keeps the bucket word for a message never answered 404', () => {
    expect(statusPhrase(listedMessage(messageView({ id: 'a' })), NOW)).toEqual({
      kind: 'bucket',
      bucket: 'unchecked',
    });
    expect(statusPhrase(listedMessage(messageView({ id: 'b', statuses: ['processing'] })), NOW)).toEqual({
      kind: 'bucket',
      bucket: 'pending',
    });
  });

  it('says "not found yet" with whole seconds to the next check, rounded up', () => {
    const at = (nextCheckAt: number) =>
      statusPhrase(listedMessage(messageView({ id: 'x', error: notFound, nextCheckAt })), NOW);
    expect(at(NOW + 30_000)).toEqual({ kind: 'not_found_yet', inSeconds: 30 });
    expect(at(NOW + 29_001)).toEqual({ kind: 'not_found_yet', inSeconds: 30 });
    expect(at(NOW + 1)).toEqual({ kind: 'not_found_yet', inSeconds: 1 });
    expect(at(NOW)).toEqual({ kind: 'not_found_yet', inSeconds: 0 });
    expect(at(NOW - 500)).toEqual({ kind: 'not_found_yet', inSeconds: 0 });
  });

  it('leaves an id whose watch ended as not found to its bucket', () => {
    const ended = messageView({ id: 'gone', error: notFound, phase: 'not_found' });
    expect(statusPhrase(listedMessage(ended), NOW)).toEqual({ kind: 'bucket', bucket: 'not_found' });
  });
});
