import { useEffect, useState } from 'react';
import type { ListedMessage } from '../../../shared/contract';
import type { HistoryEntry } from '../../../shared/message';
import { useClient } from './client-context';

/**
 * A message's status history, asked of the host (the feed carries none): again whenever the message changes, so
 * an open timeline stays live. Null until the first answer; while a newer one is on its way the last one stays.
 */
export function useMessageHistory(message: ListedMessage): readonly HistoryEntry[] | null {
  const client = useClient();
  const [fetched, setFetched] = useState<{
    readonly id: string;
    readonly history: readonly HistoryEntry[];
  } | null>(null);
  useEffect(() => {
    let current = true;
    void client.messageHistory({ messageId: message.id }).then((result) => {
      if (current && result.ok) setFetched({ id: message.id, history: result.value ?? [] });
    });
    return () => {
      current = false;
    };
  }, [client, message]);
  return fetched?.id === message.id ? fetched.history : null;
}
