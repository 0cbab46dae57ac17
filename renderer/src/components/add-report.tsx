import { useTranslation } from 'react-i18next';
import type { ContractResponses } from '../../../shared/contract';

const SHOWN_REJECTS = 50;

/** What adding did: added, skipped as already watched or repeated, and rejected with reasons. */
export function AddReport({ result }: { readonly result: ContractResponses['watchText'] }) {
  const { t } = useTranslation();
  const rejected = result.rejected;
  return (
    <section className="add-report" aria-labelledby="add-report-heading" role="status">
      <h3 id="add-report-heading">{t('add.reportHeading')}</h3>
      <ul className="add-report__lines">
        <li className="tone-ok">{t('add.reportAdded', { count: result.added.length })}</li>
        {result.alreadyWatched.length > 0 ? (
          <li>{t('add.reportSkipped', { count: result.alreadyWatched.length })}</li>
        ) : null}
        {result.duplicates > 0 ? <li>{t('add.reportDuplicates', { count: result.duplicates })}</li> : null}
        {rejected.length > 0 ? (
          <li className="tone-error">
            {t('add.reportRejected', { count: rejected.length })}
            <ul className="add-report__rejects">
              {rejected.slice(0, SHOWN_REJECTS).map((reject, index) => (
                <li key={`${index}-${reject.token}`}>
                  <code>{reject.token.length > 40 ? `${reject.token.slice(0, 40)}…` : reject.token}</code>:{' '}
                  {t(`add.reason_${reject.reason}`)}
                </li>
              ))}
              {rejected.length > SHOWN_REJECTS ? <li>…</li> : null}
            </ul>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
