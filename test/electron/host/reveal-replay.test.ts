import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostServices, type HostServices } from '../../../electron/host/host-services';
import type { ContractEventMessage } from '../../../shared/contract';
import { FakeHostEngine } from '../../fakes/fake-host-engine';
import { tempDir } from './host-test-kit';

let services: HostServices | null = null;
let dataDir = '';

afterEach(async () => {
  await services?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(now: () => number): Promise<HostServices> {
  dataDir = await tempDir();
  services = await startHostServices({
    dataDir,
    env: {},
    createEngine: () => new FakeHostEngine(),
    onProblem: () => undefined,
    now,
  });
  return services;
}

function reveals(host: HostServices): ContractEventMessage[] {
  const seen: ContractEventMessage[] = [];
  host.subscribe((message) => {
    if (message.event === 'reveal') seen.push(message);
  });
  return seen;
}

describe('a reveal while no window is listening yet', () => {
  it('reaches a window that subscribes within 10 s of the click, and not one that comes later', async () => {
    let now = 1_000_000;
    const host = await start(() => now);
    host.reveal({ messageId: 'a-1' });
    now += 9_999;
    expect(reveals(host)).toEqual([{ event: 'reveal', payload: { messageId: 'a-1' } }]);
    host.reveal({ messageId: 'a-2' });
    now += 10_000;
    expect(reveals(host)).toEqual([]);
  });

  it('is sent to the windows already listening at once', async () => {
    const host = await start(() => 0);
    const seen = reveals(host);
    host.reveal({ filter: { label: 'OTP' } });
    expect(seen).toEqual([{ event: 'reveal', payload: { filter: { label: 'OTP' } } }]);
  });
});
