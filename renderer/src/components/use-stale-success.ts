import { useState } from 'react';
import type { ConnectionInfo } from '../../../shared/contract';
import { connectionKey } from '../logic/connection-epoch';

/**
 * The last successful check (epoch ms) that belongs to an earlier connection: the one known when the window learned
 * of the current connection (leaving the demo, other credentials or address); null while the window has seen one
 * connection only. Used above the screens, so that going through the first-run screen between two connections does
 * not forget it.
 */
export function useStaleSuccess(
  connection: ConnectionInfo | null,
  lastSuccessAt: number | null,
): number | null {
  const key = connectionKey(connection);
  const [seen, setSeen] = useState<{ readonly key: string; readonly staleUpTo: number | null }>({
    key,
    staleUpTo: null,
  });
  if (seen.key === key) return seen.staleUpTo;
  // Adjusting state while rendering (React's pattern for state derived from a changed prop). The first connection
  // the window hears of is not a new one: what the host says about it stands.
  const next = { key, staleUpTo: seen.key === '' ? seen.staleUpTo : (lastSuccessAt ?? seen.staleUpTo) };
  setSeen(next);
  return next.staleUpTo;
}
