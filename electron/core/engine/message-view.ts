import type { MessageView, ScheduleFacts } from '../../../shared/engine-api';
import type { WatchRecord } from '../watch-list-store';

/** A record as hosts see it: a plain copy with its scheduling facts (null once it is no longer checked). */
export function toMessageView(record: WatchRecord, schedule: ScheduleFacts | null): MessageView {
  return { ...record, schedule: record.phase === 'watching' ? schedule : null };
}
