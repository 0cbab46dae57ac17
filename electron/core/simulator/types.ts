import type { Clock } from '../clock';
import type { MessageTimeline } from './delivery-model';
import type { DeliveryProfile } from './profiles/delivery-profile';

/** The credentials the simulator accepts, one per documented auth method. */
export interface SimulatorCredentials {
  /** Accepted in `X-Authorization-Key` and as the password of Basic `@:<key>`. */
  readonly apiKey: string;
  readonly username: string;
  readonly password: string;
}

/** Demo credentials the simulator uses unless told otherwise. Not secrets: they only open the local simulator. */
export const DEMO_CREDENTIALS: SimulatorCredentials = {
  apiKey: 'demo-key-0000',
  username: 'demo',
  password: 'demo-password',
};

/**
 * Faults the simulator injects, each switched on per run. Rates are probabilities in [0, 1] per request, drawn
 * from the simulator's seeded random source so a run is reproducible.
 */
export interface SimulatorFaults {
  /** Answer with this HTTP status (and one of SMSBAT's documented error bodies) at this rate, e.g. `{ 503: 0.1 }`. */
  readonly errorRates?: Readonly<Partial<Record<number, number>>>;
  /** Answer 429 at this rate. */
  readonly rateLimitedRate?: number;
  /** Seconds to send in `Retry-After` with injected 429s; null or absent sends no header. */
  readonly retryAfterSeconds?: number | null;
  /** Delay this fraction of responses by `slowMs`. */
  readonly slowRate?: number;
  /** @default 2000 */
  readonly slowMs?: number;
  /** Never answer this fraction of requests (the connection stays open until the client gives up). */
  readonly hangRate?: number;
  /** Destroy the connection without a response at this rate. */
  readonly resetRate?: number;
  /** Send a 200 with a body that is not JSON at this rate. */
  readonly malformedRate?: number;
  /** Send a 200 whose JSON has wrong types (e.g. `deliverystatus: 42`) at this rate. */
  readonly wrongTypesRate?: number;
  /** Replace the status with an undocumented string ("Sent", "Read", "Mystery") at this rate. */
  readonly unknownStatusRate?: number;
  /** Answer 401 to everything, as SMSBAT does when a key is revoked. */
  readonly rejectAllAuth?: boolean;
}

/** Which documented auth method a request used, as the simulator saw it. */
export type SimulatorAuthMethod = 'api-key-header' | 'basic' | 'basic-api-key' | 'none';

/** One request the simulator served, recorded so tests can assert pacing and auth. */
export interface SimulatorRequestRecord {
  /** Simulator clock time when the request arrived (epoch ms). */
  readonly at: number;
  /** The decoded message id, or null when the path was not `/bat/message/{id}`. */
  readonly messageId: string | null;
  readonly method: string;
  readonly path: string;
  readonly auth: SimulatorAuthMethod;
  /** Whether the credentials matched. */
  readonly authorized: boolean;
  /** The HTTP status sent, or null for a hang or reset. */
  readonly status: number | null;
  /** The injected fault, if any. */
  readonly fault: string | null;
}

/** Options for the simulator. */
export interface SimulatorOptions {
  /** Seed of the delivery timelines and fault draws. @default 1 */
  readonly seed?: number;
  /** @default DEMO_CREDENTIALS */
  readonly credentials?: SimulatorCredentials;
  /** @default systemClock */
  readonly clock?: Clock;
  readonly faults?: SimulatorFaults;
  /**
   * Enforce SMSBAT's status-endpoint rate limit (requests per second and burst); requests beyond it get a real 429.
   * @default { perSecond: 50, burst: 75 }
   */
  readonly rateLimit?: { readonly perSecond: number; readonly burst: number } | null;
  /** Delay every response by this much (on top of any `slow` fault), for a demo that feels like a network. @default 0 */
  readonly latencyMs?: number;
  /**
   * Multiplies every timeline's offsets: 0.05 makes a message delivered after 20 s arrive after 1 s. For demos and
   * tests that should not wait for real delivery times. @default 1
   */
  readonly timeScale?: number;
  /** Which outcomes happen, how often and how late (`profiles/`, `readProfileFile`). @default DEFAULT_PROFILE */
  readonly profile?: DeliveryProfile;
  /** Told when an id's timeline starts (its first authorized GET, or `markSent`): where webhooks are planned. */
  readonly onTimelineStarted?: (timeline: MessageTimeline, startedAt: number) => void;
}

/** One HTTP request as the simulator sees it. Header names are lower case. */
export interface SimulatorRequest {
  readonly method: string;
  /** The request target as sent, e.g. `/bat/message/abc%3A1?x=1`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/** What to do with a request: answer it (after `delayMs`), never answer it, or destroy the connection. */
export type SimulatorReply =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
      readonly delayMs: number;
    }
  | { readonly kind: 'hang' }
  | { readonly kind: 'reset' };

/** The SMSBAT simulator's whole server logic, in process and synchronous; `startSimulator` serves it over HTTP. */
export interface Simulator {
  /** Answers one request, records it, and advances the fault draws. Never throws. */
  handle(request: SimulatorRequest): SimulatorReply;
  /** The id's delivery timeline: deterministic from seed + id (whether or not the id was asked about). */
  timeline(messageId: string): MessageTimeline;
  /** Epoch ms at which the id's final status exists (first seen + final step offset); null if never asked about or never final. */
  finalStatusAt(messageId: string): number | null;
  /**
   * Starts the id's timeline at `atMs` (default: the clock's now), as if the message had just been sent. No effect
   * when the id was already seen (timelines never move) or is malformed or `missing-`.
   */
  markSent(messageId: string, atMs?: number): void;
  /** Epoch ms at which the id's timeline started (`markSent` or its first authorized GET); null if neither happened. */
  firstSeenAt(messageId: string): number | null;
  /** Every request served since the start or the last `clearRequests()`, oldest first. */
  requests(): readonly SimulatorRequestRecord[];
  /** Empties the request log. */
  clearRequests(): void;
  /** Replaces the faults in force (validated like the `faults` option). */
  setFaults(faults: SimulatorFaults): void;
  /** The credentials the simulator accepts. */
  readonly credentials: SimulatorCredentials;
}

/** Options of `startSimulator`: the simulator's, plus where to listen. */
export interface StartSimulatorOptions extends SimulatorOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** @default 0 (an ephemeral port) */
  readonly port?: number;
}

/** A simulator served over real HTTP. */
export interface RunningSimulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The in-process model behind the server. */
  readonly simulator: Simulator;
  /** Stops listening and destroys every open connection (hanging and keep-alive ones included). */
  close(): Promise<void>;
}
