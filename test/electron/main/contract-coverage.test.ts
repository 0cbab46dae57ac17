import { describe, expect, it } from 'vitest';
import type { PreloadBridge, RequestHandlers } from '../../../shared/contract';
import { startServicesKit } from '../host/host-test-kit';

describe('contract coverage', () => {
  it('does not compile a host or a preload that misses a contract entry', async () => {
    const kit = await startServicesKit();
    const { snapshot: _snapshot, ...withoutSnapshot } = kit.services.handlers;
    // @ts-expect-error -- a host without the `snapshot` handler is a compile error
    const incompleteHost: RequestHandlers = withoutSnapshot;
    const bridge = {} as PreloadBridge;
    const { onFeed: _onFeed, ...withoutFeed } = bridge;
    // @ts-expect-error -- a preload without `onFeed` is a compile error
    const incompleteBridge: PreloadBridge = withoutFeed;
    expect(Object.keys(incompleteHost)).not.toContain('snapshot');
    expect(incompleteBridge).toEqual({});
    await kit.close();
  });
});
