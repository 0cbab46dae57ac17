import { systemClock } from '../clock';
import { numberOption } from '../option-checks';
import { checkAuth } from './auth';
import {
  finalAfterMs,
  isKnownId,
  responseBody,
  serializeBody,
  timelineFor,
  type MessageTimeline,
} from './delivery-model';
import { errorBody } from './error-bodies';
import { DEFAULT_PROFILE } from './profiles/delivery-profile';
import { UNKNOWN_STATUSES, checkFaults, drawFault, malformedBody, wrongTypesBody } from './faults';
import { hashString, mulberry32 } from './random';
import { createTokenBucket } from '../token-bucket';
import {
  DEMO_CREDENTIALS,
  type Simulator,
  type SimulatorCredentials,
  type SimulatorFaults,
  type SimulatorOptions,
  type SimulatorReply,
  type SimulatorRequest,
  type SimulatorRequestRecord,
} from './types';

const MESSAGE_PATH = '/bat/message/';
/** The request log keeps at least this many of the newest records, and at most twice as many. */
export const MAX_LOGGED_REQUESTS = 100_000;
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

/**
 * Creates the SMSBAT simulator in process (no sockets). Order of checks per request: the rate limit (a real 429),
 * injected hang/reset, `rejectAllAuth`, credentials (401), the route (404 for other paths, 405 for other methods),
 * injected error statuses and 429s, unknown ids (404), then the status body with any injected body fault.
 * A `slow` fault delays whatever the answer is.
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const seed = numberOption('seed', options.seed, 1, { integer: true });
  const credentials = checkCredentials(options.credentials ?? DEMO_CREDENTIALS);
  const clock = options.clock ?? systemClock;
  const latencyMs = numberOption('latencyMs', options.latencyMs, 0, { min: 0 });
  const profile = options.profile ?? DEFAULT_PROFILE;
  const timeScale = numberOption('timeScale', options.timeScale, 1, { min: 0, minInclusive: false });
  const rateLimit = options.rateLimit === undefined ? { perSecond: 50, burst: 75 } : options.rateLimit;
  if (
    rateLimit !== null &&
    !(rateLimit.perSecond > 0 && Number.isFinite(rateLimit.perSecond) && rateLimit.burst >= 1)
  ) {
    throw new TypeError(
      `rateLimit must be null or { perSecond > 0, burst >= 1 }, got ${JSON.stringify(rateLimit)}`,
    );
  }
  const bucket = rateLimit === null ? null : createTokenBucket(rateLimit, clock.now());
  const faultRandom = mulberry32(hashString(`faults\u0000${seed}`));
  let faults: SimulatorFaults = checkFaults(options.faults ?? {});
  let log: SimulatorRequestRecord[] = [];
  let errorsSent = 0;
  // First-seen time and timeline of every id asked about (the timeline cached: it is asked for on every poll).
  const seen = new Map<string, { readonly at: number; readonly timeline: MessageTimeline }>();
  const timelineOf = (messageId: string): MessageTimeline =>
    seen.get(messageId)?.timeline ?? timelineFor(seed, messageId, profile);
  const startTimeline = (messageId: string, at: number): void => {
    if (isKnownId(messageId) && !seen.has(messageId)) {
      const timeline = timelineFor(seed, messageId, profile);
      seen.set(messageId, { at, timeline });
      options.onTimelineStarted?.(timeline, at);
    }
  };

  function handle(request: SimulatorRequest): SimulatorReply {
    const at = clock.now();
    const method = request.method.toUpperCase();
    const route = parseRoute(request.path);
    const messageId = route.kind === 'message' ? route.messageId : null;
    const auth = checkAuth(request.headers, credentials);
    // Two draws per request whatever happens, so one request's outcome never shifts the next one's faults.
    const fault = drawFault(faults, faultRandom());
    const variant = Math.floor(faultRandom() * 1_000_000);

    // The id exists from its first authorized GET, whatever fault then hits the answer.
    if (method === 'GET' && auth.authorized && faults.rejectAllAuth !== true && messageId !== null) {
      startTimeline(messageId, at);
    }

    const record = (status: number | null, faultName: string | null): void => {
      log.push({
        at,
        messageId,
        method,
        path: request.path,
        auth: auth.method,
        authorized: auth.authorized,
        status,
        fault: faultName,
      });
      // A long-running demo simulator keeps only the newest records.
      if (log.length > 2 * MAX_LOGGED_REQUESTS) log = log.slice(-MAX_LOGGED_REQUESTS);
    };
    const reply = (
      status: number,
      body: string,
      faultName: string | null,
      extraHeaders: Readonly<Record<string, string>> = {},
    ): SimulatorReply => {
      const slow = fault?.name === 'slow' ? fault : null;
      const name = faultName ?? (slow === null ? null : 'slow');
      record(status, name);
      return {
        kind: 'response',
        status,
        headers: { ...JSON_HEADERS, ...extraHeaders },
        body,
        delayMs: latencyMs + (slow?.delayMs ?? 0),
      };
    };
    const error = (
      status: number,
      faultName: string | null,
      extraHeaders?: Readonly<Record<string, string>>,
    ) => reply(status, errorBody(status, errorsSent++), faultName, extraHeaders);

    if (bucket !== null && !bucket.take(at)) return error(429, null);
    if (fault?.name === 'hang' || fault?.name === 'reset') {
      record(null, fault.name);
      return { kind: fault.name };
    }
    if (faults.rejectAllAuth === true) return error(401, 'reject-all-auth');
    if (!auth.authorized) return error(401, null);
    if (route.kind === 'other') return error(404, null);
    if (method !== 'GET') return error(405, null, { allow: 'GET' });
    if (messageId === null) return error(404, null);
    if (fault !== null && 'status' in fault) return error(fault.status, fault.name);
    if (fault?.name === 'rate-limited') {
      const retryAfter = fault.retryAfterSeconds;
      return error(429, fault.name, retryAfter === null ? {} : { 'retry-after': String(retryAfter) });
    }
    const known = seen.get(messageId);
    if (known === undefined) return error(404, null);

    const body = responseBody(known.timeline, (at - known.at) / timeScale);
    switch (fault?.name) {
      case 'malformed':
        return reply(200, malformedBody(serializeBody(body), variant), fault.name);
      case 'wrong-types':
        return reply(200, serializeBody(wrongTypesBody(body, variant)), fault.name);
      case 'unknown-status':
        body.deliverystatus = UNKNOWN_STATUSES[variant % UNKNOWN_STATUSES.length];
        return reply(200, serializeBody(body), fault.name);
      default:
        return reply(200, serializeBody(body), null);
    }
  }

  return {
    handle,
    timeline: timelineOf,
    finalStatusAt(messageId) {
      const known = seen.get(messageId);
      const afterMs = known === undefined ? null : finalAfterMs(known.timeline);
      return known === undefined || afterMs === null ? null : known.at + afterMs * timeScale;
    },
    markSent(messageId, atMs = clock.now()) {
      if (!Number.isFinite(atMs))
        throw new TypeError(`markSent: atMs must be a finite epoch ms, got ${atMs}`);
      startTimeline(messageId, atMs);
    },
    firstSeenAt: (messageId) => seen.get(messageId)?.at ?? null,
    requests: () => log,
    clearRequests() {
      log = [];
    },
    setFaults(next) {
      faults = checkFaults(next);
    },
    credentials,
  };
}

type Route = { readonly kind: 'message'; readonly messageId: string | null } | { readonly kind: 'other' };

/** `/bat/message/{one encoded segment}` (query ignored); messageId is null when the segment does not decode. */
function parseRoute(target: string): Route {
  const path = target.split('?', 1)[0] ?? '';
  if (!path.startsWith(MESSAGE_PATH)) return { kind: 'other' };
  const segment = path.slice(MESSAGE_PATH.length);
  if (segment === '' || segment.includes('/')) return { kind: 'other' };
  try {
    return { kind: 'message', messageId: decodeURIComponent(segment) };
  } catch {
    return { kind: 'message', messageId: null };
  }
}

function checkCredentials(credentials: SimulatorCredentials): SimulatorCredentials {
  for (const name of ['apiKey', 'username', 'password'] as const) {
    const value: unknown = credentials[name];
    if (typeof value !== 'string' || value === '') {
      throw new TypeError(`credentials.${name} must be a non-empty string, got ${typeof value}`);
    }
  }
  return credentials;
}
