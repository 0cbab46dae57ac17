import { useCallback, useEffect, useReducer, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ConnectionInfo, ContractError, MonitorClient, UiPreferences } from '../../../shared/contract';
import type { ListedFeedItem } from '../../../shared/contract';
import { applyFeedItems, type FeedState } from '../logic/feed-state';
import { FrameBatch, nextFrameOrTimeout } from '../logic/frame-batch';
import { keepUnchanged } from '../logic/keep-unchanged';

/** Everything the window draws, as the host reports it. */
export interface MonitorState {
  readonly feed: FeedState | null;
  readonly connection: ConnectionInfo | null;
  readonly preferences: UiPreferences | null;
  /** Why the host could not be reached, or null. */
  readonly error: ContractError | null;
}

/** Folds a batch of feed items into the state; a missed change triggers a fresh snapshot (see `gap`). */
function feedReducer(
  state: { feed: FeedState | null; gap: number },
  items: readonly ListedFeedItem[],
): { feed: FeedState | null; gap: number } {
  const result = applyFeedItems(state.feed, items);
  if (result.gap) return { feed: result.state, gap: state.gap + 1 };
  return result.state === state.feed ? state : { feed: result.state, gap: state.gap };
}

/**
 * Subscribes to the host: the engine feed, the connection and the preferences, kept current. Feed changes that
 * arrive within one animation frame are applied as one update; a snapshot is applied and drawn at once.
 */
export function useMonitor(client: MonitorClient): MonitorState {
  const [{ feed, gap }, dispatch] = useReducer(feedReducer, { feed: null, gap: 0 });
  const [connection, setConnection] = useState<ConnectionInfo | null>(null);
  const [preferences, setPreferences] = useState<UiPreferences | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  const fetchSnapshot = useCallback(async () => {
    const result = await client.snapshot({});
    if (result.ok) dispatch([{ type: 'snapshot', snapshot: result.value }]);
    else setError(result.error);
  }, [client]);

  useEffect(() => {
    let live = true;
    const batch = new FrameBatch<ListedFeedItem>(
      nextFrameOrTimeout(),
      (items) => {
        // A snapshot is drawn in the task that brought it, not in a task React schedules after it (which other
        // tasks can get ahead of); changes wait for the next frame as one update.
        if (items.some((item) => item.type === 'snapshot'))
          flushSync(() => {
            dispatch(items);
          });
        else dispatch(items);
      },
      (item) => item.type === 'snapshot',
    );
    const offFeed = client.on('feed', (item) => {
      batch.push(item);
    });
    // A host that pushed these on subscribe answers the requests below with the same: nothing is drawn again.
    const takeConnection = (next: ConnectionInfo) => {
      setConnection((previous) => keepUnchanged(previous, next));
    };
    const takePreferences = (next: UiPreferences) => {
      setPreferences((previous) => keepUnchanged(previous, next));
    };
    const offConnection = client.on('connection', takeConnection);
    const offPreferences = client.on('preferences', takePreferences);
    void client.getConnection({}).then((result) => {
      if (!live) return;
      if (result.ok) takeConnection(result.value);
      else setError(result.error);
    });
    void client.getPreferences({}).then((result) => {
      if (live && result.ok) takePreferences(result.value);
    });
    return () => {
      live = false;
      batch.close();
      offFeed();
      offConnection();
      offPreferences();
    };
  }, [client]);

  useEffect(() => {
    if (gap === 0) return;
    const timer = setTimeout(() => void fetchSnapshot(), 0);
    return () => {
      clearTimeout(timer);
    };
  }, [gap, fetchSnapshot]);

  // A host that pushes no snapshot on subscribe still gets drawn: ask for one if none came quickly.
  useEffect(() => {
    if (feed !== null) return;
    const timer = setTimeout(() => void fetchSnapshot(), 1500);
    return () => {
      clearTimeout(timer);
    };
  }, [feed, fetchSnapshot]);

  return { feed, connection, preferences, error };
}
