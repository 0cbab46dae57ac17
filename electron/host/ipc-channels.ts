import type { EventName, RequestName } from '../../shared/contract';

/** The IPC channel a request travels on, e.g. `smsbat:request:watch`. */
export function requestChannel(name: RequestName): string {
  return `smsbat:request:${name}`;
}

/** The IPC channel a pushed event travels on, e.g. `smsbat:event:feed`. */
export function eventChannel(event: EventName): string {
  return `smsbat:event:${event}`;
}
