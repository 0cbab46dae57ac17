import type { SimulatorFaults } from './types';

/** One injected fault, as drawn for one request. At most one fault applies to a request. */
export type InjectedFault =
  | { readonly name: 'hang' }
  | { readonly name: 'reset' }
  | { readonly name: `error-${number}`; readonly status: number }
  | { readonly name: 'rate-limited'; readonly retryAfterSeconds: number | null }
  | { readonly name: 'slow'; readonly delayMs: number }
  | { readonly name: 'malformed' }
  | { readonly name: 'wrong-types' }
  | { readonly name: 'unknown-status' };

/**
 * Statuses the `unknownStatusRate` fault sends instead of the real one: strings the monitor truly does not know
 * (kind `unknown`). Never `Sent`, `Read` and the like: SMSBAT's other pages define those, and the monitor rightly
 * reads `Read` as delivered, which would end a watch on a delivery that never happened.
 */
export const UNKNOWN_STATUSES = ['Mystery', 'Submitted', 'awaiting_dlr'] as const;

// Used when `slowMs` is not given.
const DEFAULT_SLOW_MS = 2000;

/** Validates faults, throwing a `TypeError` naming the option, what was expected and what was received. */
export function checkFaults(faults: SimulatorFaults): SimulatorFaults {
  let total = 0;
  const rate = (name: string, value: number | undefined): void => {
    if (value === undefined) return;
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new TypeError(`faults.${name} must be a probability in [0, 1], got ${String(value)}`);
    }
    total += value;
  };
  for (const [code, value] of Object.entries(faults.errorRates ?? {})) {
    const status = Number(code);
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new TypeError(`faults.errorRates keys must be HTTP error statuses (400-599), got ${code}`);
    }
    rate(`errorRates[${code}]`, value);
  }
  rate('rateLimitedRate', faults.rateLimitedRate);
  rate('slowRate', faults.slowRate);
  rate('hangRate', faults.hangRate);
  rate('resetRate', faults.resetRate);
  rate('malformedRate', faults.malformedRate);
  rate('wrongTypesRate', faults.wrongTypesRate);
  rate('unknownStatusRate', faults.unknownStatusRate);
  if (total > 1 + 1e-9) {
    throw new TypeError(`faults: the rates must add up to at most 1 (one fault per request), got ${total}`);
  }
  const { slowMs, retryAfterSeconds } = faults;
  if (slowMs !== undefined && !(Number.isFinite(slowMs) && slowMs >= 0)) {
    throw new TypeError(`faults.slowMs must be a non-negative number of milliseconds, got ${String(slowMs)}`);
  }
  if (
    retryAfterSeconds !== undefined &&
    retryAfterSeconds !== null &&
    !(Number.isInteger(retryAfterSeconds) && retryAfterSeconds >= 0)
  ) {
    throw new TypeError(
      `faults.retryAfterSeconds must be a non-negative integer or null, got ${String(retryAfterSeconds)}`,
    );
  }
  return faults;
}

/**
 * The fault for one request, given a roll in [0, 1). The rates are laid end to end (error statuses in ascending
 * order, then 429, slow, hang, reset, malformed, wrong types, unknown status), so each fault happens at exactly
 * its rate and never two at once.
 */
export function drawFault(faults: SimulatorFaults, roll: number): InjectedFault | null {
  let edge = 0;
  const hit = (value: number | undefined): boolean => {
    edge += value ?? 0;
    return roll < edge;
  };
  const errorRates = Object.entries(faults.errorRates ?? {})
    .map(([code, value]) => [Number(code), value ?? 0] as const)
    .sort(([a], [b]) => a - b);
  for (const [status, value] of errorRates) {
    if (hit(value)) return { name: `error-${status}`, status };
  }
  if (hit(faults.rateLimitedRate)) {
    return { name: 'rate-limited', retryAfterSeconds: faults.retryAfterSeconds ?? null };
  }
  if (hit(faults.slowRate)) return { name: 'slow', delayMs: faults.slowMs ?? DEFAULT_SLOW_MS };
  if (hit(faults.hangRate)) return { name: 'hang' };
  if (hit(faults.resetRate)) return { name: 'reset' };
  if (hit(faults.malformedRate)) return { name: 'malformed' };
  if (hit(faults.wrongTypesRate)) return { name: 'wrong-types' };
  if (hit(faults.unknownStatusRate)) return { name: 'unknown-status' };
  return null;
}

/** A 200 body that is not JSON: a truncated document, a proxy's HTML page, an empty body or plain text. */
export function malformedBody(validJson: string, variant: number): string {
  switch (variant % 4) {
    case 0:
      return validJson.slice(0, Math.max(1, Math.floor(validJson.length / 2)));
    case 1:
      return '<html><head><title>OK</title></head><body>Service status page</body></html>';
    case 2:
      return '';
    default:
      return 'OK';
  }
}

/** A 200 body that is JSON but of the wrong types: a number for the status, strings for numbers, or not an object. */
export function wrongTypesBody(body: Readonly<Record<string, unknown>>, variant: number): unknown {
  switch (variant % 5) {
    case 0:
      return { ...body, deliverystatus: 42 };
    case 1:
      return { ...body, partscount: String(body.partscount) };
    case 2:
      return {
        ...body,
        cost: typeof body.cost === 'number' ? body.cost.toFixed(2) : '0.05',
        deliverystatus: null,
      };
    case 3:
      return { ...body, messageId: 12345, messagelistId: 'list' };
    default:
      return [body];
  }
}
