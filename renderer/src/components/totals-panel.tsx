import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedMessage } from '../../../shared/contract';
import {
  MESSAGE_BUCKETS,
  deliveryRateView,
  summarizeWithLabels,
  type MessageBucket,
  type Totals,
} from '../../../shared/totals';
import { useSampledValue } from '../hooks/use-sampled-value';
import { formatNumber, formatPercent } from '../i18n/format';
import { DeliveryCurveChart } from './delivery-curve-chart';
import { StatusIcon } from './status-icon';
import { useMessageWords } from './use-message-words';

/** What the totals panel shows and how it filters the list. */
export interface TotalsPanelProps {
  /** True while the watch list is on its way: the panel keeps its place, its figures hidden. */
  readonly loading?: boolean;
  readonly totals: Totals;
  readonly messages: readonly ListedMessage[];
  readonly activeBuckets: ReadonlySet<MessageBucket>;
  readonly onBucket: (bucket: MessageBucket) => void;
  /** The label whose curve is shown (and that the list is filtered by); undefined: all. */
  readonly activeLabel: string | null | undefined;
  readonly onLabel: (label: string | null | undefined) => void;
  readonly reducedMotion: boolean;
}

const NO_MESSAGES: readonly ListedMessage[] = [];

/**
 * Counts per status (each a filter button), delivery rate, cost per currency, and a per-label summary with curve
 * (updated at most once a second).
 */
export function TotalsPanel(props: TotalsPanelProps) {
  const { t, i18n } = useTranslation();
  const words = useMessageWords();
  const locale = i18n.language;
  // Per-label summaries and the curve go over every message: they follow the feed once a second, after the
  // window's first frame (the counts on the filter buttons come with each change, from the engine's totals). The
  // figures (total, rate, cost) come from the same pass as the per-label ones, so that the two always agree.
  const messages = useSampledValue(props.messages, 1000, NO_MESSAGES);
  const summary = useMemo(
    () => (messages === NO_MESSAGES ? null : summarizeWithLabels(messages)),
    [messages],
  );
  const byLabel = summary?.byLabel ?? [];
  const totals = summary?.totals ?? props.totals;
  const counts = props.totals.counts;
  const curveMessages = useMemo(
    () =>
      props.activeLabel === undefined ? messages : messages.filter((m) => m.label === props.activeLabel),
    [messages, props.activeLabel],
  );
  const labelName = (label: string | null) => label ?? t('totals.unlabelled');
  const finalCount = (item: Totals) => item.counts.delivered + item.counts.failed;
  const share = (part: number, whole: number) => (whole === 0 ? 0 : (part / whole) * 100);
  const rateText = (item: Totals): string | null => {
    const view = deliveryRateView(item);
    if (view.kind === 'none') return null;
    if (view.kind === 'rate') return formatPercent(locale, view.rate);
    return t('totals.finalDelivered', {
      delivered: formatNumber(locale, view.delivered),
      final: formatNumber(locale, view.final),
    });
  };

  return (
    <section
      className={props.loading === true ? 'totals is-loading' : 'totals'}
      role="region"
      aria-label={t('totals.name')}
      aria-busy={props.loading === true}
    >
      <div className="totals__buckets" role="group" aria-label={t('list.statusFilter')}>
        {MESSAGE_BUCKETS.filter(
          (bucket) =>
            counts[bucket] > 0 || bucket === 'delivered' || bucket === 'failed' || bucket === 'pending',
        ).map((bucket) => (
          <button
            key={bucket}
            type="button"
            className={`bucket-chip status--${bucket}`}
            aria-pressed={props.activeBuckets.has(bucket)}
            title={t('totals.filterBy', { bucket: t(`bucket.${bucket}`) })}
            onClick={() => {
              props.onBucket(bucket);
            }}
          >
            <StatusIcon bucket={bucket} />
            <span className="bucket-chip__word">{t(`bucket.${bucket}`)}</span>
            <span className="bucket-chip__count">{formatNumber(locale, counts[bucket])}</span>
          </button>
        ))}
      </div>
      <dl className="totals__figures">
        <div>
          <dt>{t('totals.total')}</dt>
          <dd>{formatNumber(locale, totals.total)}</dd>
        </div>
        <div>
          <dt>{t('totals.deliveryRate')}</dt>
          <dd>{rateText(totals) ?? <span className="muted">{t('totals.noRate')}</span>}</dd>
        </div>
        <div>
          <dt>{t('totals.costs')}</dt>
          <dd>
            {totals.costs.length === 0 ? (
              <span className="muted">{t('totals.noCosts')}</span>
            ) : (
              <ul className="plain-list">
                {totals.costs.map((cost) => (
                  <li key={cost.currency ?? '?'}>{words.money(cost.amount, cost.currency)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {totals.overdue > 0 ? (
          <div>
            <dt>{t('totals.overdue')}</dt>
            <dd className="tone-warning">{formatNumber(locale, totals.overdue)}</dd>
          </div>
        ) : null}
      </dl>
      {byLabel.length > 0 ? (
        <div className="totals__labels">
          <h3 className="totals__heading">{t('totals.byLabel')}</h3>
          <ul className="label-list">
            {byLabel.map(({ label, totals: item }) => (
              <li key={label ?? '\u0000'} className={props.activeLabel === label ? 'is-active' : undefined}>
                <button
                  type="button"
                  className="label-card"
                  aria-pressed={props.activeLabel === label}
                  aria-label={t('totals.showCurve', { label: labelName(label) })}
                  onClick={() => {
                    props.onLabel(props.activeLabel === label ? undefined : label);
                  }}
                >
                  <span className="label-card__name">{labelName(label)}</span>
                  <span className="label-card__count">{formatNumber(locale, item.total)}</span>
                  <span className="label-card__bar" aria-hidden="true">
                    <span
                      className="label-card__delivered"
                      style={{ width: `${share(item.counts.delivered, item.total)}%` }}
                    />
                    <span
                      className="label-card__failed"
                      style={{ width: `${share(item.counts.failed, item.total)}%` }}
                    />
                  </span>
                  <span className="label-card__facts">
                    {t('totals.finalColumn')}{' '}
                    {formatPercent(locale, item.total === 0 ? 0 : finalCount(item) / item.total)}
                    {' · '}
                    {deliveryRateView(item).kind === 'count'
                      ? rateText(item)
                      : `${t('totals.rateColumn')} ${rateText(item) ?? '—'}`}
                    {item.costs.length > 0
                      ? ` · ${item.costs.map((cost) => words.money(cost.amount, cost.currency)).join(' + ')}`
                      : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <DeliveryCurveChart
            messages={curveMessages}
            reducedMotion={props.reducedMotion}
            title={t('totals.curveTitle', {
              label: props.activeLabel === undefined ? t('totals.curveAll') : labelName(props.activeLabel),
            })}
          />
        </div>
      ) : null}
    </section>
  );
}
