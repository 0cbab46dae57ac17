import { createContext, useContext, type ReactNode } from 'react';
import type { MonitorClient } from '../../../shared/contract';

const ClientContext = createContext<MonitorClient | null>(null);

/** Provides the one MonitorClient the window talks through. */
export function ClientProvider({
  client,
  children,
}: {
  readonly client: MonitorClient;
  readonly children: ReactNode;
}) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

/** The window's MonitorClient; throws outside a ClientProvider. */
export function useClient(): MonitorClient {
  const client = useContext(ClientContext);
  if (client === null) throw new Error('useClient needs a ClientProvider above it.');
  return client;
}
