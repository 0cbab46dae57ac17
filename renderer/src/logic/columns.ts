/** The list's columns, in display order; each is sortable. */
export const COLUMNS = [
  'id',
  'label',
  'status',
  'channel',
  'parts',
  'cost',
  'lastChange',
  'nextCheck',
  'error',
] as const;

/** One column of the list. */
export type ColumnId = (typeof COLUMNS)[number];
