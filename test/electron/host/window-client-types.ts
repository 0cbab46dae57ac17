/** Contract types the window-client test names. */
export type { ConnectionInfo } from '../../../shared/contract';
export type { EngineFeedItem as EngineFeedItemAlias } from '../../../shared/engine-api';
