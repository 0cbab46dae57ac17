import { describe, expect, it } from 'vitest';
import { channelName, channelOutcomes, channelSortKey } from '../../../renderer/src/logic/channel-summary';
import { messageView } from '../../fakes/message-views';

const snapshotWith = (channels: { channel: string; status: string }[]) =>
  messageView({ id: 'x', statuses: ['delivered'], channels }).snapshot;

describe('channelOutcomes', () => {
  it('reads a Viber delivery and leaves out the unused SMS fallback', () => {
    const outcomes = channelOutcomes(
      snapshotWith([
        { channel: 'viber', status: 'delivered' },
        { channel: 'sms', status: 'not_used' },
      ]),
    );
    expect(outcomes.map((o) => [channelName(o.channel), o.kind])).toEqual([['Viber', 'delivered']]);
  });

  it('reads a Viber failure with an SMS fallback delivery, in order', () => {
    const snapshot = snapshotWith([
      { channel: 'viber', status: 'expired' },
      { channel: 'sms', status: 'delivered' },
    ]);
    expect(channelOutcomes(snapshot).map((o) => [channelName(o.channel), o.kind])).toEqual([
      ['Viber', 'failed'],
      ['SMS', 'delivered'],
    ]);
    expect(channelSortKey(snapshot)).toBe('viber:failed sms:delivered');
  });

  it('is empty for a single-channel message or one not checked yet', () => {
    expect(channelOutcomes(snapshotWith([]))).toEqual([]);
    expect(channelOutcomes(null)).toEqual([]);
  });

  it('keeps an unknown per-channel status as unknown with its raw word', () => {
    expect(channelOutcomes(snapshotWith([{ channel: 'rcs', status: 'weird' }]))).toEqual([
      { channel: 'rcs', kind: 'unknown', rawStatus: 'weird' },
    ]);
  });
});
