import type { CheckError, StatusSnapshot } from '../../shared/message';

/** What one `check` request ended in: a status, "not found", another failure, or no request before `--timeout`. */
export type CheckResult =
  | { readonly id: string; readonly state: 'ok'; readonly snapshot: StatusSnapshot }
  | { readonly id: string; readonly state: 'not_found' }
  | { readonly id: string; readonly state: 'error'; readonly error: Omit<CheckError, 'at'> }
  | { readonly id: string; readonly state: 'skipped' };
