import { authHeaders } from '../electron/core/credentials';
import { encodeMessageIdSegment, interpretResponse } from '../electron/core/client';
import { NetworkError } from '../electron/core/errors';
import type { StatusClient } from '../electron/core/status-client';
import type { Simulator } from '../electron/core/simulator';
import type { VirtualClock } from '../electron/core/virtual-clock';
import type { StatusSnapshot } from '../shared/message';

/**
 * A status client that talks to the simulator in process, in virtual time: the same request, the same response
 * parsing and error classification as the HTTP client, with a fixed network latency instead of sockets.
 */
export class InProcessSimulatorClient implements StatusClient {
  /** Virtual start time of every request, for pacing statistics. */
  readonly requestTimes: number[] = [];
  readonly #headers: Readonly<Record<string, string>>;

  constructor(
    private readonly simulator: Simulator,
    private readonly clock: VirtualClock,
    private readonly latencyMs: number,
  ) {
    this.#headers = authHeaders({ method: 'api-key-header', apiKey: simulator.credentials.apiKey });
  }

  async getStatus(messageId: string): Promise<StatusSnapshot> {
    this.requestTimes.push(this.clock.now());
    await this.clock.sleep(this.latencyMs / 2);
    const reply = this.simulator.handle({
      method: 'GET',
      path: `/bat/message/${encodeMessageIdSegment(messageId)}`,
      headers: this.#headers,
    });
    await this.clock.sleep(this.latencyMs / 2);
    if (reply.kind !== 'response') throw new NetworkError(`simulated ${reply.kind}`);
    return interpretResponse(messageId, reply.status, reply.headers, reply.body, this.clock.now());
  }
}
