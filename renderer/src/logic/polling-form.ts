import type { EngineSettings } from '../../../shared/engine-api';
import { SETTINGS_LIMITS } from '../../../shared/engine-settings';

const HOUR_MS = 3_600_000;

/** The polling fields as typed (decimals with a point or a comma). */
export interface PollingForm {
  readonly rateCap: string;
  readonly watchHours: string;
  readonly firstSeconds: string;
}

/** A field outside its range, with the range in the field's own unit (shown in the window's language). */
export interface PollingProblem {
  readonly field: keyof PollingForm;
  readonly min: number;
  readonly max: number;
}

/** The settings to save, or every field that is not a number in its range. */
export type PollingCheck =
  | {
      readonly ok: true;
      readonly settings: Pick<EngineSettings, 'rateCapPerSecond' | 'watchWindowMs' | 'firstIntervalMs'>;
    }
  | { readonly ok: false; readonly problems: readonly PollingProblem[] };

/** A typed number: trimmed, a decimal comma read as a point; NaN when it is not a number. */
function parseDecimal(text: string): number {
  const normalised = text.trim().replace(',', '.');
  return /^\d+(\.\d*)?$|^\.\d+$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/**
 * Checks the polling fields against the engine's limits, in the units people type (requests a second, hours,
 * seconds): the rate cap takes decimals from 0.1 to 50 as the CLI's --rate does. Pure.
 */
export function checkPollingForm(form: PollingForm): PollingCheck {
  const rate = SETTINGS_LIMITS.rateCapPerSecond;
  const window = SETTINGS_LIMITS.watchWindowMs;
  const first = SETTINGS_LIMITS.firstIntervalMs;
  const fields = [
    { field: 'rateCap', value: parseDecimal(form.rateCap), min: rate.min, max: rate.max },
    {
      field: 'watchHours',
      value: parseDecimal(form.watchHours),
      min: window.min / HOUR_MS,
      max: window.max / HOUR_MS,
    },
    {
      field: 'firstSeconds',
      value: parseDecimal(form.firstSeconds),
      min: first.min / 1000,
      max: first.max / 1000,
    },
  ] as const;
  // A tiny tolerance: one minute typed as hours (1/60) must not fail on rounding.
  const inRange = (value: number, min: number, max: number) =>
    Number.isFinite(value) && value >= min - 1e-9 && value <= max + 1e-9;
  const problems = fields
    .filter(({ value, min, max }) => !inRange(value, min, max))
    .map(({ field, min, max }) => ({ field, min, max }));
  if (problems.length > 0) return { ok: false, problems };
  const [rateCap, watchHours, firstSeconds] = fields.map((item) => item.value);
  return {
    ok: true,
    settings: {
      rateCapPerSecond: rateCap ?? Number.NaN,
      watchWindowMs: Math.min(window.max, Math.max(window.min, Math.round((watchHours ?? 0) * HOUR_MS))),
      firstIntervalMs: Math.round((firstSeconds ?? 0) * 1000),
    },
  };
}
