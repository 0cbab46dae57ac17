import { useTranslation } from 'react-i18next';
import { COLUMNS, type ColumnId } from '../logic/columns';

/** How many placeholder rows fill the list while it loads (a tall window's height of rows; the list clips the rest). */
const PLACEHOLDER_ROWS = 30;

/** Columns whose cells hold numbers (set in tabular figures, as the rows set them). */
const NUMBER_COLUMNS: ReadonlySet<ColumnId> = new Set(['parts', 'cost']);

/**
 * Placeholder rows for the list while the watch list is on its way: bars where each cell's text will be, laid out
 * as message rows. They are hidden from assistive technology (the list's own line says it is loading) and carry
 * no row role or index. Their bars are text in the rows' fonts (the id's monospace, the column names in the
 * window's language, figures): the browser looks those fonts up while the window waits for its list, and the
 * frame that draws 10,000 messages only lays them out.
 */
export function LoadingRows() {
  const { t } = useTranslation();
  return (
    <div className="loading-rows" aria-hidden="true">
      {Array.from({ length: PLACEHOLDER_ROWS }, (_, row) => (
        <div key={row} className="message-row loading-row">
          <div className="cell cell--select" />
          {COLUMNS.map((column) => (
            <div key={column} className={`cell cell--${column}${NUMBER_COLUMNS.has(column) ? ' num' : ''}`}>
              <span className={column === 'id' ? 'mono placeholder-bar' : 'placeholder-bar'}>
                {column === 'id'
                  ? '0123456789'
                  : NUMBER_COLUMNS.has(column)
                    ? '0.00'
                    : t(`list.column_${column}`)}
              </span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
