import type { StatusSnapshot } from '../../shared/message';

/**
 * Anything that can fetch the current status of one message. The poll scheduler depends only on this, so it
 * runs the same over real HTTP (SmsbatClient) and in process against the simulator's model (benchmarks).
 * Failures reject with a subclass of `SmsbatError`.
 */
export interface StatusClient {
  getStatus(messageId: string, signal?: AbortSignal): Promise<StatusSnapshot>;
}
