import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { LinkStatusSource } from '../transport';
import type { LinkStatus } from '../transport/link-state';

const ALWAYS_OPEN: LinkStatusSource = { current: () => 'open', subscribe: () => () => undefined };

const LinkContext = createContext<LinkStatusSource>(ALWAYS_OPEN);

/** Provides the status of the window's link to the monitor (always open when none is given). */
export function LinkStatusProvider({
  link,
  children,
}: {
  readonly link: LinkStatusSource | undefined;
  readonly children: ReactNode;
}) {
  return <LinkContext.Provider value={link ?? ALWAYS_OPEN}>{children}</LinkContext.Provider>;
}

/** The current status of the window's link to the monitor; re-renders when it changes. */
export function useLinkStatus(): LinkStatus {
  const link = useContext(LinkContext);
  return useSyncExternalStore(link.subscribe, link.current);
}
