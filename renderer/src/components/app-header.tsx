import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The header: app name, the DEMO badge, the engine status (children), and the window's main actions. */
export function AppHeader({
  demo,
  onAdd,
  onSettings,
  onExport,
  onImport,
  children,
}: {
  readonly demo: boolean;
  readonly onAdd?: () => void;
  readonly onSettings?: () => void;
  readonly onExport?: (format: 'csv' | 'json') => void;
  readonly onImport?: () => void;
  readonly children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" className="brand-mark">
          <path d="M4 6.5A2.5 2.5 0 0 1 6.5 4h11A2.5 2.5 0 0 1 20 6.5v7a2.5 2.5 0 0 1-2.5 2.5H10l-4 4v-4h0A2.5 2.5 0 0 1 4 13.5Z" />
          <path d="M8.5 10l2.2 2.2 4.8-4.7" className="brand-mark__tick" />
        </svg>
        <span className="app-name">{t('app.name')}</span>
        {demo ? (
          <span className="demo-badge" title={t('app.demoBadgeTitle')}>
            {t('app.demoBadge')}
          </span>
        ) : null}
      </div>
      <div className="app-header__status">{children}</div>
      <nav className="app-header__actions" aria-label={t('app.name')}>
        {onAdd !== undefined ? (
          <button type="button" className="button button--primary" onClick={onAdd}>
            {t('toolbar.add')}
          </button>
        ) : null}
        {onExport !== undefined ? (
          <>
            <button
              type="button"
              className="button"
              onClick={() => {
                onExport('csv');
              }}
            >
              {t('toolbar.exportCsv')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                onExport('json');
              }}
            >
              {t('toolbar.exportJson')}
            </button>
          </>
        ) : null}
        {onImport !== undefined ? (
          <button type="button" className="button" onClick={onImport}>
            {t('toolbar.import')}
          </button>
        ) : null}
        {onSettings !== undefined ? (
          <button type="button" className="button" onClick={onSettings}>
            {t('toolbar.settings')}
          </button>
        ) : null}
      </nav>
    </header>
  );
}
