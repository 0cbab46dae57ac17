import type { Clock } from '../../../../electron/core/clock';
import { DEMO_CREDENTIALS, type Simulator, type SimulatorReply } from '../../../../electron/core/simulator';

/** A clock the test moves by hand; the simulator only reads `now()`. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

/** A manual clock starting at a fixed epoch time. */
export function manualClock(startMs = 1_700_000_000_000): ManualClock {
  let now = startMs;
  return {
    now: () => now,
    monotonicNow: () => now,
    setTimeout: () => 0,
    clearTimeout: () => undefined,
    advance(ms) {
      now += ms;
    },
  };
}

/** `Authorization: Basic ...` for a user and password. */
export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/** Headers for each documented auth method with the demo credentials. */
export const AUTH = {
  'api-key-header': { 'x-authorization-key': DEMO_CREDENTIALS.apiKey },
  basic: { authorization: basic(DEMO_CREDENTIALS.username, DEMO_CREDENTIALS.password) },
  'basic-api-key': { authorization: basic('@', DEMO_CREDENTIALS.apiKey) },
} as const;

/** An authorized GET of one message id, answered in process. */
export function getStatus(simulator: Simulator, messageId: string): SimulatorReply {
  return simulator.handle({
    method: 'GET',
    path: `/bat/message/${encodeURIComponent(messageId)}`,
    headers: AUTH['api-key-header'],
  });
}

/** The reply as a response, failing the test for a hang or reset. */
export function asResponse(reply: SimulatorReply): Extract<SimulatorReply, { kind: 'response' }> {
  if (reply.kind !== 'response') throw new Error(`expected a response, got ${reply.kind}`);
  return reply;
}

/** The parsed JSON body of a reply that must be a JSON object. */
export function jsonOf(reply: SimulatorReply): Record<string, unknown> {
  const parsed: unknown = JSON.parse(asResponse(reply).body);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`expected a JSON object, got ${asResponse(reply).body}`);
  }
  return parsed as Record<string, unknown>;
}

/** The `deliverystatus` of a 200 reply. */
export function statusOf(reply: SimulatorReply): unknown {
  return jsonOf(reply).deliverystatus;
}
