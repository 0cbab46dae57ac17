import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedMessage } from '../../../shared/contract';
import { bucketOf } from '../../../shared/totals';
import { formatDateTime, formatNumber } from '../i18n/format';
import { channelName } from '../logic/channel-summary';
import { hostText } from '../logic/host-text';
import { useMessageHistory } from '../state/use-message-history';
import { StatusIcon } from './status-icon';
import { useMessageWords } from './use-message-words';

/** What the detail panel shows and does. */
export interface DetailPanelProps {
  readonly message: ListedMessage;
  readonly now: number;
  readonly onClose: () => void;
  readonly onRefresh: (id: string) => void;
  readonly onUnwatch: (id: string) => void;
  readonly onCopy: (id: string) => void;
}

/** One message in full: its timeline, channels and fallbacks, cost, last error in plain words, and actions. */
export function DetailPanel({ message, now, onClose, onRefresh, onUnwatch, onCopy }: DetailPanelProps) {
  const { t } = useTranslation();
  const words = useMessageWords();
  const locale = words.locale;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bucket = bucketOf(message);
  const snapshot = message.snapshot;
  const history = useMessageHistory(message);

  useEffect(() => headingRef.current?.focus(), [message.id]);

  return (
    <aside
      className="detail-panel"
      aria-label={`${t('detail.name')}: ${message.id}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="detail-panel__header">
        <h2 ref={headingRef} tabIndex={-1} className="mono">
          {message.id}
        </h2>
        <button type="button" className="icon-button" aria-label={t('detail.close')} onClick={onClose}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" />
          </svg>
        </button>
      </header>
      <p className={`detail-status status--${bucket}`}>
        <StatusIcon bucket={bucket} /> <strong>{words.status(message, now)}</strong>
        {snapshot !== null ? <span className="muted"> · {words.rawStatus(snapshot.rawStatus)}</span> : null}
        {message.label !== null ? <span className="tag">{message.label}</span> : null}
      </p>
      <div className="detail-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            onRefresh(message.id);
          }}
        >
          {t('detail.refresh')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            onUnwatch(message.id);
          }}
        >
          {t('detail.unwatch')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            onCopy(message.id);
          }}
        >
          {t('detail.copyId')}
        </button>
      </div>

      <section aria-labelledby="detail-timeline">
        <h3 id="detail-timeline">{t('detail.timeline')}</h3>
        <ol className="timeline">
          <li>
            <time dateTime={new Date(message.addedAt).toISOString()}>
              {formatDateTime(locale, message.addedAt)}
            </time>
            <span>{t('detail.added')}</span>
          </li>
          {(history ?? []).map((entry) => (
            <li key={`${entry.at}-${entry.rawStatus}`} className={`timeline__entry kind--${entry.kind}`}>
              <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(locale, entry.at)}</time>
              <span>{words.rawStatus(entry.rawStatus)}</span>
            </li>
          ))}
        </ol>
        <dl className="facts">
          <dt>{t('detail.lastChecked')}</dt>
          <dd>
            {message.lastCheckedAt === null
              ? t('detail.never')
              : formatDateTime(locale, message.lastCheckedAt)}
          </dd>
          <dt>{t('list.column_nextCheck')}</dt>
          <dd>{words.nextCheck(message, now)}</dd>
          <dt>{t('detail.deadline')}</dt>
          <dd>
            {message.deadlineAt === null
              ? t('detail.noDeadline')
              : formatDateTime(locale, message.deadlineAt)}
            {message.overdue ? <span className="tag tag--warning">{t('list.overdue')}</span> : null}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="detail-channels">
        <h3 id="detail-channels">{t('detail.channels')}</h3>
        {snapshot === null || (snapshot.channels.length === 0 && snapshot.fallbacks.length === 0) ? (
          <p className="muted">{t('detail.noChannels')}</p>
        ) : (
          <dl className="facts">
            {snapshot.channels.map((channel) => (
              <div key={`c-${channel.channel}`} className="facts__pair">
                <dt>{channelName(channel.channel)}</dt>
                <dd>{words.rawStatus(channel.status)}</dd>
              </div>
            ))}
            {snapshot.fallbacks.map((step, index) => (
              <div key={`f-${index}-${step.type}`} className="facts__pair">
                <dt>
                  {t('detail.fallbacks')}: {channelName(step.type)}
                </dt>
                <dd>{words.rawStatus(step.status)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section aria-labelledby="detail-cost">
        <h3 id="detail-cost">{t('detail.cost')}</h3>
        <dl className="facts">
          <dt>{t('detail.charge')}</dt>
          <dd>
            {snapshot?.charge == null
              ? t('detail.noCost')
              : words.money(snapshot.charge.amount, snapshot.charge.currency)}
          </dd>
          {snapshot?.rate != null ? (
            <>
              <dt>{t('detail.rate')}</dt>
              <dd>{words.money(snapshot.rate.amount, snapshot.rate.currency)}</dd>
            </>
          ) : null}
          <dt>{t('detail.parts')}</dt>
          <dd>{snapshot?.partsCount == null ? '—' : formatNumber(locale, snapshot.partsCount)}</dd>
          {snapshot?.messagelistId != null ? (
            <>
              <dt>{t('detail.messagelist')}</dt>
              <dd>{snapshot.messagelistId}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="detail-error">
        <h3 id="detail-error">{t('detail.lastError')}</h3>
        {message.lastError === null ? (
          <p className="muted">{t('detail.noError')}</p>
        ) : (
          <div className="detail-error">
            <p>
              <strong>{t(`detail.errorKind_${message.lastError.kind}`)}</strong>
            </p>
            <p>
              {hostText(t, message.lastError.message)}
              {message.lastError.httpStatus !== null
                ? ` (${t('detail.httpStatus', { status: message.lastError.httpStatus })})`
                : ''}
            </p>
            <p className="muted">{formatDateTime(locale, message.lastError.at)}</p>
          </div>
        )}
      </section>
    </aside>
  );
}
