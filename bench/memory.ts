import { MonitorEngine } from '../electron/core/monitor-engine';
import type { StatusClient } from '../electron/core/status-client';
import { VirtualClock } from '../electron/core/virtual-clock';
import { classifyStatus } from '../shared/status';
import type { StatusSnapshot } from '../shared/message';

/** A client answering "processing" with a fresh snapshot per call, as the HTTP client would. */
function processingClient(): StatusClient {
  return {
    getStatus: (messageId) => {
      const snapshot: StatusSnapshot = {
        messageId,
        messagelistId: 123_456,
        rawStatus: 'processing',
        kind: classifyStatus('processing'),
        partsCount: 1,
        charge: null,
        rate: null,
        channels: [],
        fallbacks: [],
      };
      return Promise.resolve(snapshot);
    },
  };
}

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc to measure memory.');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Heap bytes per watched id: an engine watching `count` ids, each checked once (so each holds a status and a
 * history entry), minus the heap before it existed.
 */
export async function measureMemoryPerId(count: number): Promise<number> {
  const clock = new VirtualClock();
  const before = heapUsed();
  const ids = Array.from({ length: count }, (_, i) => `msg-${i.toString(36).padStart(8, '0')}`);
  const engine = new MonitorEngine({
    client: processingClient(),
    clock,
    maxRequestsPerSecond: 50,
    concurrency: 50,
  });
  await engine.start();
  engine.watch(ids);
  // First checks share the rate cap with the re-checks that fall due meanwhile (these get one slot in four).
  await clock.advanceBy((count / 50) * 1000 * (4 / 3) + 2000);
  await engine.flush();
  const after = heapUsed();
  const checked = engine.messages().filter((message) => message.snapshot !== null).length;
  if (checked !== count) throw new Error(`only ${checked} of ${count} ids were checked`);
  await engine.stop();
  return (after - before) / count;
}
