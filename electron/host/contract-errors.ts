import type { ContractError } from '../../shared/contract';
import { SettingsNotSavedError } from './settings-store';

/** A request that is well formed but not allowed now (e.g. disconnecting credentials that come from the environment). */
export class NotAllowedError extends Error {
  override readonly name = 'NotAllowedError';
}

/** A request that is well formed but asks for more than one request may (e.g. a paste of too many ids). */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
}

interface ProblemLike {
  readonly setting?: unknown;
  readonly path?: unknown;
  readonly message?: unknown;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function problemsOf(error: unknown): readonly ProblemLike[] | null {
  if (typeof error !== 'object' || error === null || !('problems' in error)) return null;
  const { problems } = error;
  return Array.isArray(problems) ? (problems as ProblemLike[]) : null;
}

/**
 * Turns what a handler threw into the error that crosses the host: settings problems (the engine's `SettingsError`
 * carries `problems`), `not_allowed`, `invalid_request`, `not_saved` (a settings file that could not be written), or
 * `failed` with the error's message (engine and client messages never hold a
 * secret).
 */
export function toContractError(error: unknown): ContractError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof NotAllowedError) return { kind: 'not_allowed', message };
  if (error instanceof InvalidRequestError) return { kind: 'invalid_request', message };
  if (error instanceof SettingsNotSavedError)
    return { kind: 'not_saved', message, notSaved: { reason: error.reason, folder: error.folder } };
  const problems = problemsOf(error);
  if (problems !== null) {
    return {
      kind: 'invalid_settings',
      message,
      problems: problems.map((problem) => ({
        path: text(problem.setting) || text(problem.path),
        message: text(problem.message),
      })),
    };
  }
  return { kind: 'failed', message: message === '' ? 'The request failed.' : message };
}
