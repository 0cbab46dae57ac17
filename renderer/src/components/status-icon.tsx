import type { MessageBucket } from '../../../shared/totals';

const PATHS: Readonly<Record<MessageBucket, string>> = {
  unchecked: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11Z',
  pending: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM8 5v3.2l2.2 1.4',
  delivered: 'M3.5 8.5 6.5 11.5 12.5 4.5',
  failed: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
  unknown: 'M6 6a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.3V10M8 12.4v.1',
  not_found: 'M7 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8ZM10 10l3.5 3.5',
  gave_up: 'M4.5 2.5h7M4.5 13.5h7M5 2.5c0 3 6 3 6 5.5S5 10.5 5 13.5M11 2.5c0 1.5-1 2.3-2 3',
};

/** A small line icon for a bucket; decorative (the word beside it carries the meaning). */
export function StatusIcon({ bucket }: { readonly bucket: MessageBucket }) {
  return (
    <svg
      className={`status-icon status-icon--${bucket}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
    >
      <path d={PATHS[bucket]} />
    </svg>
  );
}
