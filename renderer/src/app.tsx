import { useEffect, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { MonitorClient } from '../../shared/contract';
import { AppHeader } from './components/app-header';
import { FirstRun } from './components/first-run';
import { useStaleSuccess } from './components/use-stale-success';
import { MonitorView } from './components/monitor-view';
import { ToastList } from './components/toast-list';
import { useAppearance, useReducedMotion } from './hooks/use-appearance';
import { useHostNotifications } from './hooks/use-host-notifications';
import { useWindowTitle } from './hooks/use-window-title';
import { prepareFormats } from './i18n/format';
import type { LinkStatusSource } from './transport';
import { createI18n } from './i18n/i18n';
import { resolveLanguage } from './i18n/languages';
import { ClientProvider } from './state/client-context';
import { LinkStatusProvider, useLinkStatus } from './state/link-status';
import { ToastProvider } from './state/toasts';
import { windowScreen } from './logic/window-screen';
import { useMonitor } from './state/use-monitor';

/** The monitor window, talking only through the given MonitorClient; `link` says when that link is down. */
export function App({ client, link }: { readonly client: MonitorClient; readonly link?: LinkStatusSource }) {
  const i18n = useMemo(() => createI18n(resolveLanguage('system', navigator.languages)), []);
  return (
    <ClientProvider client={client}>
      <LinkStatusProvider link={link}>
        <I18nextProvider i18n={i18n}>
          <ToastProvider>
            <Shell client={client} />
            <ToastList />
          </ToastProvider>
        </I18nextProvider>
      </LinkStatusProvider>
    </ClientProvider>
  );
}

/** Chooses between loading, first run and the monitor, and applies title, theme, language and notifications. */
function Shell({ client }: { readonly client: MonitorClient }) {
  const { t, i18n } = useTranslation();
  const { feed, connection, preferences, error } = useMonitor(client);
  const link = useLinkStatus();
  const reducedMotion = useReducedMotion();
  useAppearance(preferences, i18n);
  useWindowTitle(feed);
  useHostNotifications(client);
  // While the snapshot is on its way, not once it is here.
  useEffect(() => {
    prepareFormats(i18n.language);
  }, [i18n.language]);

  const staleSuccess = useStaleSuccess(connection, feed?.health.lastSuccessAt ?? null);
  const screen = windowScreen(connection, feed === null ? null : { messageCount: feed.messages.length });
  const linkDown = link === 'lost' || link === 'refused';
  if (screen === 'connecting' || connection === null || (feed === null && error !== null)) {
    return (
      <div className="loading" role="status">
        {linkDown
          ? `${t(`engine.link_${link}`)} · ${t(`engine.link_${link}Hint`)}`
          : error !== null
            ? t('app.hostUnavailable', { message: error.message })
            : t('app.loading')}
      </div>
    );
  }
  if (screen === 'first-run' && linkDown) {
    return (
      <>
        <AppHeader demo={false} />
        <div className="loading" role="status">
          {t(`engine.link_${link}`)} · {t(`engine.link_${link}Hint`)}
        </div>
      </>
    );
  }
  if (screen === 'first-run') {
    return <FirstRun connection={connection} />;
  }
  // Drawn before the watch list arrives too, so that only its rows and figures are left to draw when it does.
  return (
    <MonitorView
      feed={feed}
      connection={connection}
      preferences={preferences}
      reducedMotion={reducedMotion}
      staleSuccess={staleSuccess}
    />
  );
}
