import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';

/** The list's toolbar: search by id, filter by label, what is shown, and actions on the selection. */
export interface ListToolbarProps {
  readonly search: string;
  readonly onSearch: (search: string) => void;
  readonly labels: readonly (string | null)[];
  readonly label: string | null | undefined;
  readonly onLabel: (label: string | null | undefined) => void;
  /** True while the watch list is on its way: no counts yet. */
  readonly loading?: boolean;
  readonly shown: number;
  readonly total: number;
  readonly filtered: boolean;
  readonly onClearFilter: () => void;
  readonly selectedCount: number;
  readonly onRefresh: () => void;
  readonly onUnwatch: () => void;
  readonly onAcknowledge: () => void;
  readonly onClearFinished: () => void;
}

const ANY = '\u0001any';
const NONE = '\u0001none';

/** Search, label filter, counts and the selection's actions above the list. */
export function ListToolbar(props: ListToolbarProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const value = props.label === undefined ? ANY : props.label === null ? NONE : props.label;
  const hasSelection = props.selectedCount > 0;
  return (
    <div className="list-toolbar">
      <div className="list-toolbar__filters">
        <label className="field field--inline">
          <span className="visually-hidden">{t('list.search')}</span>
          <input
            id="search-box"
            type="search"
            placeholder={t('list.search')}
            value={props.search}
            onChange={(event) => {
              props.onSearch(event.target.value);
            }}
          />
        </label>
        <label className="field field--inline">
          <span>{t('list.labelFilter')}</span>
          <select
            value={value}
            onChange={(event) => {
              const next = event.target.value;
              props.onLabel(next === ANY ? undefined : next === NONE ? null : next);
            }}
          >
            <option value={ANY}>{t('list.anyLabel')}</option>
            {props.labels.map((label) =>
              label === null ? (
                <option key={NONE} value={NONE}>
                  {t('list.noLabel')}
                </option>
              ) : (
                <option key={label} value={label}>
                  {label}
                </option>
              ),
            )}
          </select>
        </label>
        <span className="muted" aria-live="polite">
          {props.loading === true
            ? null
            : t('list.shown', {
                shown: formatNumber(locale, props.shown),
                total: formatNumber(locale, props.total),
              })}
        </span>
        {props.filtered ? (
          <button type="button" className="button button--small" onClick={props.onClearFilter}>
            {t('list.clearFilter')}
          </button>
        ) : null}
      </div>
      <div
        className="list-toolbar__actions"
        role="group"
        aria-label={hasSelection ? t('list.selected', { count: props.selectedCount }) : undefined}
      >
        {hasSelection ? (
          <span className="selection-count">{t('list.selected', { count: props.selectedCount })}</span>
        ) : null}
        <button type="button" className="button" onClick={props.onRefresh}>
          {t('list.refresh')}
        </button>
        <button type="button" className="button" disabled={!hasSelection} onClick={props.onUnwatch}>
          {t('list.unwatch')}
        </button>
        <button type="button" className="button" disabled={!hasSelection} onClick={props.onAcknowledge}>
          {t('list.acknowledge')}
        </button>
        <button type="button" className="button" onClick={props.onClearFinished}>
          {t('list.clearFinished')}
        </button>
      </div>
    </div>
  );
}
