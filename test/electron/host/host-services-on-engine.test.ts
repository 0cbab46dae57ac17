import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractEventMessage, ListedMessage } from '../../../shared/contract';
import type { MessageView } from '../../../shared/engine-api';
import { dispatch } from '../../../electron/host/dispatch';
import { startHostServices, type HostServices } from '../../../electron/host/host-services';
import { createRestartableHostEngine } from '../../../electron/host/restartable-engine';
import { tempDir, waitFor } from './host-test-kit';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startOnEngine(
  dataDir?: string,
): Promise<{ services: HostServices; dataDir: string; problems: string[] }> {
  const dir = dataDir ?? (await tempDir());
  if (dataDir === undefined) cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const problems: string[] = [];
  const services = await startHostServices({
    dataDir: dir,
    env: {},
    createEngine: createRestartableHostEngine,
    onProblem: (message) => problems.push(message),
  });
  let stopped = false;
  cleanups.push(async () => {
    if (!stopped) await services.stop();
  });
  return {
    services: {
      ...services,
      stop: async () => {
        stopped = true;
        await services.stop();
      },
    },
    dataDir: dir,
    problems,
  };
}

function latestMessages(events: ContractEventMessage[]): Map<string, ListedMessage> {
  const messages = new Map<string, ListedMessage>();
  for (const message of events) {
    if (message.event !== 'feed') continue;
    const item = message.payload;
    if (item.type === 'snapshot') {
      messages.clear();
      for (const view of item.snapshot.messages) messages.set(view.id, view);
    } else {
      for (const view of item.change.upserted) messages.set(view.id, view);
      for (const id of item.change.removed) messages.delete(id);
    }
  }
  return messages;
}

describe('the host on the real engine', () => {
  it('tries the demo: the simulator runs in process, the app is badged DEMO and messages settle', async () => {
    const { services } = await startOnEngine();
    const events: ContractEventMessage[] = [];
    services.subscribe((message) => events.push(message));
    expect(await dispatch(services.handlers, 'getConnection', {})).toMatchObject({
      ok: true,
      value: { source: 'none', demo: false, signedInAs: null },
    });
    const demo = await dispatch(services.handlers, 'startDemo', {});
    expect(demo).toMatchObject({ ok: true, value: { source: 'demo', demo: true } });
    expect(demo.ok && demo.value.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await waitFor(() => [...latestMessages(events).values()].some((m) => m.phase === 'final'), 15_000);
    expect(events.some((m) => m.event === 'connection' && m.payload.demo)).toBe(true);

    const leave = await dispatch(services.handlers, 'disconnect', {});
    expect(leave).toMatchObject({ ok: true, value: { source: 'none', demo: false } });
  });

  it('keeps the watch list and settings across a restart, and an export imports back with nothing lost', async () => {
    const first = await startOnEngine();
    await dispatch(first.services.handlers, 'watch', { messageIds: ['abc-1', 'abc-2'], label: 'campaign' });
    await dispatch(first.services.handlers, 'setDeadline', { messageIds: ['abc-2'], deadlineMs: 60_000 });
    expect(
      await dispatch(first.services.handlers, 'updateSettings', { settings: { rateCapPerSecond: 7 } }),
    ).toMatchObject({
      ok: true,
      value: { rateCapPerSecond: 7 },
    });
    await dispatch(first.services.handlers, 'updatePreferences', { preferences: { theme: 'dark' } });
    const exported = await dispatch(first.services.handlers, 'exportView', { format: 'json' });
    if (!exported.ok) throw new Error('export failed');
    await first.services.stop();

    const second = await startOnEngine(first.dataDir);
    const snapshot = await dispatch(second.services.handlers, 'snapshot', {});
    if (!snapshot.ok) throw new Error('snapshot failed');
    expect(snapshot.value.messages.map((m) => [m.id, m.label])).toEqual([
      ['abc-1', 'campaign'],
      ['abc-2', 'campaign'],
    ]);
    expect(snapshot.value.settings.rateCapPerSecond).toBe(7);
    expect(await dispatch(second.services.handlers, 'getPreferences', {})).toMatchObject({
      value: { theme: 'dark' },
    });
    expect(second.problems).toEqual([]);

    await dispatch(second.services.handlers, 'unwatch', { messageIds: ['abc-1', 'abc-2'] });
    const imported = await dispatch(second.services.handlers, 'importMessages', {
      json: exported.value.content,
    });
    expect(imported).toEqual({ ok: true, value: { imported: 2, skipped: 0, problems: [] } });
    const after = await dispatch(second.services.handlers, 'exportView', { format: 'json' });
    if (!after.ok) throw new Error('export failed');
    const original = JSON.parse(exported.value.content) as { messages: MessageView[] };
    const again = JSON.parse(after.value.content) as { messages: MessageView[] };
    const strip = ({ schedule: _schedule, ...rest }: MessageView) => rest;
    expect(again.messages.map(strip)).toEqual(original.messages.map(strip));
  });
});
