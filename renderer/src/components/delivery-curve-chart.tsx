import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedMessage } from '../../../shared/contract';
import { formatDuration, formatPercent } from '../i18n/format';
import { deliveryCurve } from '../logic/delivery-curve';

const DeliveryCurvePlot = lazy(() => import('./delivery-curve-plot'));

/** The delivery curve of some messages: share final and share delivered against time since watching. */
export function DeliveryCurveChart({
  messages,
  title,
  reducedMotion,
}: {
  readonly messages: readonly ListedMessage[];
  readonly title: string;
  readonly reducedMotion: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const points = useMemo(() => deliveryCurve(messages), [messages]);
  const last = points.at(-1);
  const summary =
    last === undefined || last.finalShare === 0
      ? t('totals.curveEmpty')
      : t('totals.curveSummary', {
          final: formatPercent(locale, last.finalShare),
          after: formatDuration(locale, last.afterMs),
        });
  return (
    <figure className="curve">
      <figcaption>
        <strong>{title}</strong> <span className="muted">{summary}</span>
      </figcaption>
      {last !== undefined && last.finalShare > 0 ? (
        <Suspense fallback={<div className="curve__chart curve__chart--loading" aria-hidden="true" />}>
          <DeliveryCurvePlot points={points} label={`${title}. ${summary}`} reducedMotion={reducedMotion} />
        </Suspense>
      ) : null}
    </figure>
  );
}
