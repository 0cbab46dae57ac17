import type { CheckError, StatusSnapshot } from '../../shared/message';

/** Why a check was never answered: `--timeout` passed, or Ctrl-C / SIGTERM stopped the command first. */
export type SkipReason = 'timeout' | 'interrupted';

/** What one `check` request ended in: a status, "not found", another failure, or no answer before the stop. */
export type CheckResult =
  | { readonly id: string; readonly state: 'ok'; readonly snapshot: StatusSnapshot }
  | { readonly id: string; readonly state: 'not_found' }
  | { readonly id: string; readonly state: 'error'; readonly error: Omit<CheckError, 'at'> }
  | { readonly id: string; readonly state: 'skipped'; readonly reason: SkipReason };
