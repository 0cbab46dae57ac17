import { useTranslation } from 'react-i18next';
import type { ContractResponses } from '../../../shared/contract';

const SHOWN_REJECTS = 50;

/** What adding did: added, skipped as already watched or repeated, and rejected with reasons. */
export function AddReport({ result }: { readonly result: ContractResponses['watchText'] }) {
  const { t } = useTranslation();
  const rejected = result.rejected;
  // The host lists the first rejections and counts the rest.
  const rejectedCount = rejected.length + result.moreRejected;
  const shown = rejected.slice(0, SHOWN_REJECTS);
  return (
    <section className="add-report" aria-labelledby="add-report-heading" role="status">
      <h3 id="add-report-heading">{t('add.reportHeading')}</h3>
      <ul className="add-report__lines">
        <li className="tone-ok">{t('add.reportAdded', { count: result.added.length })}</li>
        {result.alreadyWatched.length > 0 ? (
          <li>{t('add.reportSkipped', { count: result.alreadyWatched.length })}</li>
        ) : null}
        {result.duplicates > 0 ? <li>{t('add.reportDuplicates', { count: result.duplicates })}</li> : null}
        {rejectedCount > 0 ? (
          <li className="tone-error">
            {t('add.reportRejected', { count: rejectedCount })}
            <ul className="add-report__rejects">
              {shown.map((reject, index) => (
                <li key={`${index}-${reject.token}`}>
                  <code>{reject.token.length > 40 ? `${reject.token.slice(0, 40)}…` : reject.token}</code>:{' '}
                  {t(`add.reason_${reject.reason}`)}
                </li>
              ))}
              {rejectedCount > shown.length ? (
                <li>{t('add.reportMoreRejected', { count: rejectedCount - shown.length })}</li>
              ) : null}
            </ul>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
