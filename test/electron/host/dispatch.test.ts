import { describe, expect, it } from 'vitest';
import type { RequestHandlers } from '../../../shared/contract';
import { NotAllowedError } from '../../../electron/host/contract-errors';
import { dispatch, dispatchUnknown } from '../../../electron/host/dispatch';
import { FakeSettingsError } from '../../fakes/fake-host-engine';
import { startServicesKit } from './host-test-kit';

describe('the contract dispatcher', () => {
  it('validates the payload before any handler runs', async () => {
    const kit = await startServicesKit();
    const result = await dispatch(kit.services.handlers, 'watch', { messageIds: 'abc' });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request', problems: [{ path: 'messageIds' }] },
    });
    expect(kit.engine.calls).toEqual([]);
    await kit.close();
  });

  it('turns a refused setting into invalid_settings naming it, and changes nothing', async () => {
    const kit = await startServicesKit();
    const result = await dispatch(kit.services.handlers, 'updateSettings', {
      settings: { rateCapPerSecond: 500 },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid_settings',
        problems: [{ path: 'rateCapPerSecond', message: 'must be between 1 and 50' }],
      },
    });
    expect(kit.engine.snapshot().settings.rateCapPerSecond).toBe(10);
    expect(new FakeSettingsError([]).problems).toEqual([]);
    await kit.close();
  });

  it('turns what a handler throws into a typed error and tells the host', async () => {
    const seen: string[] = [];
    const handlers = {
      pause: () => {
        throw new Error('the engine stopped');
      },
      resume: () => {
        throw new NotAllowedError('not now');
      },
    } as unknown as RequestHandlers;
    expect(await dispatch(handlers, 'pause', {}, (name) => seen.push(name))).toEqual({
      ok: false,
      error: { kind: 'failed', message: 'the engine stopped' },
    });
    expect(await dispatch(handlers, 'resume', {})).toEqual({
      ok: false,
      error: { kind: 'not_allowed', message: 'not now' },
    });
    expect(seen).toEqual(['pause']);
  });

  it('answers an unknown name, or a name inherited from Object, with invalid_request', async () => {
    const handlers = {} as RequestHandlers;
    for (const name of ['nope', 'constructor', '__proto__', 42, null]) {
      expect(await dispatchUnknown(handlers, name, {})).toMatchObject({
        ok: false,
        error: { kind: 'invalid_request' },
      });
    }
  });
});
