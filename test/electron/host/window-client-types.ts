/** Contract types the window-client test names. */
export type { ConnectionInfo } from '../../../shared/contract';
export type { ListedFeedItem as EngineFeedItemAlias } from '../../../shared/contract';
