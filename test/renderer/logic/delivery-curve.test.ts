import { describe, expect, it } from 'vitest';
import { deliveryCurve } from '../../../renderer/src/logic/delivery-curve';
import { listedView } from '../../fakes/message-views';

describe('deliveryCurve', () => {
  it('steps up at each final status, as a share of all the messages', () => {
    const messages = [
      listedView({ id: 'a', addedAt: 0, stepMs: 1000, statuses: ['processing', 'delivered'] }),
      listedView({ id: 'b', addedAt: 0, stepMs: 3000, statuses: ['undeliverable'] }),
      listedView({ id: 'c', addedAt: 0, statuses: ['processing'] }),
      listedView({ id: 'd', addedAt: 0 }),
    ];
    expect(deliveryCurve(messages)).toEqual([
      { afterMs: 0, finalShare: 0, deliveredShare: 0 },
      { afterMs: 2000, finalShare: 0.25, deliveredShare: 0.25 },
      { afterMs: 3000, finalShare: 0.5, deliveredShare: 0.25 },
    ]);
  });

  it('measures time from when each message was watched', () => {
    const messages = [
      listedView({ id: 'a', addedAt: 10_000, stepMs: 500, statuses: ['delivered'] }),
      listedView({ id: 'b', addedAt: 50_000, stepMs: 500, statuses: ['delivered'] }),
    ];
    expect(deliveryCurve(messages)).toEqual([
      { afterMs: 0, finalShare: 0, deliveredShare: 0 },
      { afterMs: 500, finalShare: 1, deliveredShare: 1 },
    ]);
  });

  it('is empty without messages and thins long curves to the point budget', () => {
    expect(deliveryCurve([])).toEqual([]);
    const many = Array.from({ length: 1000 }, (_, i) =>
      listedView({ id: `m${i}`, addedAt: 0, stepMs: i + 1, statuses: ['delivered'] }),
    );
    const curve = deliveryCurve(many, 50);
    expect(curve).toHaveLength(50);
    expect(curve.at(-1)).toEqual({ afterMs: 1000, finalShare: 1, deliveredShare: 1 });
    expect(() => deliveryCurve(many, 1)).toThrow(TypeError);
  });
});
