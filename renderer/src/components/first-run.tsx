import { useTranslation } from 'react-i18next';
import type { ConnectionInfo } from '../../../shared/contract';
import { useRequest } from '../state/use-request';
import { AppHeader } from './app-header';
import { ConnectForm } from './connect-form';
import { useImport } from './use-import';

/** With no credentials: the header (with Import), and two ways in, connecting to SMSBAT or trying the demo. */
export function FirstRun({ connection }: { readonly connection: ConnectionInfo }) {
  const { t } = useTranslation();
  const request = useRequest();
  const importControl = useImport();
  return (
    <>
      <AppHeader demo={false} onImport={importControl.open} />
      {importControl.input}
      <main className="first-run" id="main">
        <h1>{t('firstRun.heading')}</h1>
        <p className="lead">{t('firstRun.intro')}</p>
        <div className="first-run__ways">
          <section className="card" aria-labelledby="first-run-connect">
            <h2 id="first-run-connect">{t('firstRun.connectHeading')}</h2>
            <ConnectForm connection={connection} />
          </section>
          <section className="card" aria-labelledby="first-run-demo">
            <h2 id="first-run-demo">{t('firstRun.demoHeading')}</h2>
            <p>{t('firstRun.demoText')}</p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void request('startDemo', {})}
            >
              {t('firstRun.startDemo')}
            </button>
          </section>
        </div>
      </main>
    </>
  );
}
