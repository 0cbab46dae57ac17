/** How much the browser host gives any one window, and all of them together; each has a safe default. */
export interface BrowserHostLimits {
  /** Requests one window may have unanswered; from this many on, a new request gets a `busy` error. @default 16 */
  readonly maxRequestsInFlight: number;
  /**
   * Bytes queued for one window that it has not read yet (answers and pushed events); past this the host drops the
   * window, which reconnects and gets a fresh snapshot. @default 64 MiB
   */
  readonly maxBufferedBytes: number;
  /** WebSockets open at once; from this many on, a new one is refused with 503. @default 32 */
  readonly maxSockets: number;
  /** TCP connections open at once (pages, scripts and WebSockets); past this, new ones are closed. @default 256 */
  readonly maxConnections: number;
  /**
   * Time a connection has to send its request (for a WebSocket: the handshake that carries the token) before it is
   * closed. @default 5000
   */
  readonly handshakeTimeoutMs: number;
  /** How often the host pings each window and sends it a heartbeat frame; a window that missed a ping is dropped. @default 5000 */
  readonly heartbeatIntervalMs: number;
}

/** The limits the browser host runs with unless told otherwise. */
export const DEFAULT_HOST_LIMITS: BrowserHostLimits = {
  maxRequestsInFlight: 16,
  maxBufferedBytes: 64 * 1024 * 1024,
  maxSockets: 32,
  maxConnections: 256,
  handshakeTimeoutMs: 5_000,
  heartbeatIntervalMs: 5_000,
};

/** The limits with defaults filled in; a limit that is not a positive whole number is a TypeError naming it. */
export function resolveHostLimits(given: Partial<BrowserHostLimits>): BrowserHostLimits {
  const limits = { ...DEFAULT_HOST_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new TypeError(
        `The browser host limit ${name} must be a positive whole number; got ${String(value)}.`,
      );
    }
  }
  return limits;
}

/** Whether a window's request runs now or is answered `busy`, given how many of its requests are unanswered. */
export function admitRequest(inFlight: number, limits: BrowserHostLimits): 'run' | 'busy' {
  return inFlight < limits.maxRequestsInFlight ? 'run' : 'busy';
}

/** True when a window has more unread bytes waiting than the host keeps for it. */
export function isTooFarBehind(bufferedBytes: number, limits: BrowserHostLimits): boolean {
  return bufferedBytes > limits.maxBufferedBytes;
}

/** Whether one more WebSocket may open, given how many are open. */
export function admitSocket(openSockets: number, limits: BrowserHostLimits): boolean {
  return openSockets < limits.maxSockets;
}
