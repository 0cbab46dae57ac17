import { setMaxListeners } from 'node:events';
import type { StatusSnapshot } from '../../../shared/message';
import type { StatusClient } from '../status-client';
import type { PendingRequest } from './entry';

/** How a request ended: a status, or whatever the client threw. */
export type Answer = { readonly snapshot: StatusSnapshot } | { readonly error: unknown };

/**
 * The requests in flight and the client they go through. Each request remembers the client generation it was sent
 * with, so an answer about old credentials can be told apart; a request of an id unwatched meanwhile stays counted
 * until it ends. `abortAll` cancels every request for good.
 */
export class Requests {
  #client: StatusClient | null;
  #generation = 0;
  #concurrency: number;
  readonly #inFlight = new Map<string, PendingRequest>();
  readonly #abort = new AbortController();

  /** @param onAnswer called when a request ends, unless `abortAll` was called */
  constructor(
    client: StatusClient | null,
    concurrency: number,
    private readonly onAnswer: (request: PendingRequest, answer: Answer) => void,
  ) {
    this.#client = client;
    this.#concurrency = concurrency;
    this.#listenerRoom();
  }

  /** How many requests are in flight. */
  get size(): number {
    return this.#inFlight.size;
  }

  /** Whether another request may start: there is a client and room under the concurrency cap. */
  get canSend(): boolean {
    return this.#client !== null && this.#inFlight.size < this.#concurrency;
  }

  /** Whether the concurrency cap leaves room (whatever the client). */
  get belowConcurrency(): boolean {
    return this.#inFlight.size < this.#concurrency;
  }

  /** Replaces the client; requests already sent keep the old generation. */
  setClient(client: StatusClient | null): void {
    this.#client = client;
    this.#generation += 1;
  }

  /** Whether `request` went out with the current client. */
  isCurrent(request: PendingRequest): boolean {
    return request.generation === this.#generation;
  }

  /** The request in flight for `messageId`, if any. */
  pending(messageId: string): PendingRequest | null {
    return this.#inFlight.get(messageId) ?? null;
  }

  /** Changes the concurrency cap from the next request on. */
  setConcurrency(concurrency: number): void {
    this.#concurrency = concurrency;
    this.#listenerRoom();
  }

  /** Sends a status request for `messageId` at `now` (monotonic ms); call only when `canSend`. */
  send(messageId: string, now: number): PendingRequest {
    const client = this.#client;
    if (client === null) throw new Error('No client to send with');
    const request: PendingRequest = { id: messageId, sentAt: now, generation: this.#generation };
    this.#inFlight.set(messageId, request);
    void this.#run(client, request);
    return request;
  }

  /** Aborts every request in flight; no answer is reported after this. */
  abortAll(): void {
    this.#abort.abort();
  }

  async #run(client: StatusClient, request: PendingRequest): Promise<void> {
    let answer: Answer;
    try {
      answer = { snapshot: await client.getStatus(request.id, this.#abort.signal) };
    } catch (error) {
      answer = { error };
    }
    if (this.#inFlight.get(request.id) === request) this.#inFlight.delete(request.id);
    if (!this.#abort.signal.aborted) this.onAnswer(request, answer);
  }

  /** Every request in flight listens on the one abort signal. */
  #listenerRoom(): void {
    setMaxListeners(this.#concurrency + 10, this.#abort.signal);
  }
}
