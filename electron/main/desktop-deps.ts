import type { HostServices } from '../host/host-services';

/**
 * What the desktop app's parts are built from (the tray, notifications): the host services, and the window and
 * quitting as the person sees them. Each part is `installX(deps)` returning the function that undoes it.
 */
export interface DesktopDeps {
  readonly services: HostServices;
  /** Restores, shows and focuses the window. */
  readonly showWindow: () => void;
  /** Quits the app (saving everything first). */
  readonly quit: () => void;
  /** True once quitting has begun (closing the window then closes it). */
  readonly isQuitting: () => boolean;
}
