import { useTranslation } from 'react-i18next';
import { formatDecimal, formatNumber, formatRelative, formatTime } from '../i18n/format';
import { hostText } from '../logic/host-text';
import type { EngineFix, EngineView } from '../logic/engine-view';

/** The engine's state as a live region: the state in words, its fix button, last success and request rate. */
export function EngineStatus({
  view,
  now,
  onFix,
}: {
  readonly view: EngineView;
  readonly now: number;
  readonly onFix: (fix: Exclude<EngineFix, null>) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const words =
    view.kind === 'rate_limited'
      ? t('engine.rate_limited', { until: formatTime(locale, view.until ?? now) })
      : view.kind === 'save_failed'
        ? t('engine.save_failed', { reason: t(`engine.saveFailure_${view.saveFailure ?? 'other'}`) })
        : t(`engine.${view.kind}`);
  const share = view.rateCapPerSecond > 0 ? Math.min(1, view.requestsPerSecond / view.rateCapPerSecond) : 0;
  return (
    <div className={`engine-status tone-${view.tone}`}>
      <div role="status" aria-live="polite" className="engine-status__words">
        <span
          className={`dot dot--${view.tone}${view.checking ? ' dot--checking' : ''}`}
          aria-hidden="true"
        />
        <strong>{words}</strong>
        {view.kind === 'offline' && view.until !== null ? (
          <span className="muted">
            {' '}
            · {t('engine.nextProbe', { when: formatRelative(locale, view.until, now) })}
          </span>
        ) : null}
        {view.kind === 'link_lost' || view.kind === 'link_refused' ? (
          <span className="engine-status__detail"> · {t(`engine.${view.kind}Hint`)}</span>
        ) : null}
        {view.detail !== null && view.kind !== 'offline' ? (
          <span className="engine-status__detail"> · {hostText(t, view.detail)}</span>
        ) : null}
      </div>
      {view.fix !== null ? (
        <button
          type="button"
          className={`button ${view.tone === 'error' || view.fix === 'connect' ? 'button--primary' : ''}`}
          onClick={() => {
            if (view.fix !== null) onFix(view.fix);
          }}
        >
          {t(`engine.fix_${view.fix}`)}
        </button>
      ) : null}
      {/* Kept, unseen, while loading: the header keeps its height when the engine's facts arrive. */}
      <div
        className={`engine-status__facts muted${view.kind === 'loading' ? ' is-placeholder' : ''}`}
        aria-hidden={view.kind === 'loading'}
      >
        <span>
          {view.lastSuccessAt === null
            ? t('engine.noSuccess')
            : t('engine.lastSuccess', {
                when: formatRelative(locale, Math.min(view.lastSuccessAt, now), now),
              })}
        </span>
        {view.webhooks !== null ? (
          <span className={`webhook-mode webhook-mode--${view.webhooks.mode}`}>
            {view.webhooks.mode === 'flowing'
              ? t('engine.webhooksFlowing')
              : t('engine.webhooksSilent', { minutes: formatNumber(locale, view.webhooks.silentMinutes) })}
          </span>
        ) : null}
        <span className="rate-meter" title={t('engine.rateLabel')}>
          <meter min={0} max={1} value={share} aria-label={t('engine.rateLabel')} />
          {t('engine.rate', {
            rate: formatDecimal(locale, view.requestsPerSecond),
            cap: formatNumber(locale, view.rateCapPerSecond),
          })}
        </span>
      </div>
    </div>
  );
}
