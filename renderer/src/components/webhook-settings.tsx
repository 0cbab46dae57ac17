import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLoopbackHost, type WebhookInfo, type WebhookUpdate } from '../../../shared/webhook-settings';
import { refusalLines } from '../logic/webhook-refusals';
import { useClient } from '../state/client-context';

/** How often the section asks for the refusal counts while it is open. */
const REFRESH_MS = 5_000;

/**
 * The Webhooks section of Settings: on/off, where the receiver listens, the public address, "watch every message",
 * the URL to give SMSBAT with a copy button, a new secret, and what was refused in the last hour.
 */
export function WebhookSettings() {
  const { t } = useTranslation();
  const client = useClient();
  const [info, setInfo] = useState<WebhookInfo | null>(null);
  const [host, setHost] = useState('');
  const [port, setPort] = useState('');
  const [publicBaseUrl, setPublicBaseUrl] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    const load = async (first: boolean) => {
      const answer = await client.getWebhooks({});
      if (!live || !answer.ok) return;
      setInfo(answer.value);
      if (first) {
        setHost(answer.value.host);
        setPort(String(answer.value.port));
        setPublicBaseUrl(answer.value.publicBaseUrl ?? '');
      }
    };
    void load(true);
    const timer = setInterval(() => void load(false), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client]);

  const update = async (webhooks: WebhookUpdate, done?: string) => {
    setNote(null);
    const answer = await client.updateWebhooks({ webhooks });
    if (answer.ok) {
      setInfo(answer.value);
      if (done !== undefined) setNote({ ok: true, text: done });
    } else setNote({ ok: false, text: t('settings.invalid', { message: answer.error.message }) });
  };

  if (info === null) return null;
  const lines = refusalLines(info.refusals);
  return (
    <section aria-labelledby="settings-webhooks">
      <h3 id="settings-webhooks">{t('webhooks.title')}</h3>
      <p className="hint">{t('webhooks.intro')}</p>
      <div className="checkbox-row">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={info.enabled}
            onChange={(event) => void update({ enabled: event.target.checked })}
          />
          {t('webhooks.enabled')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={info.watchUnknown}
            onChange={(event) => void update({ watchUnknown: event.target.checked })}
          />
          {t('webhooks.watchUnknown')}
        </label>
      </div>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void update(
            {
              host: host.trim(),
              port: Number(port),
              publicBaseUrl: publicBaseUrl.trim() === '' ? null : publicBaseUrl.trim(),
            },
            t('settings.saved'),
          );
        }}
      >
        <div className="form-row">
          <label className="field">
            <span>{t('webhooks.host')}</span>
            <input
              value={host}
              aria-describedby={isLoopbackHost(host.trim()) ? undefined : 'webhook-host-warning'}
              onChange={(event) => {
                setHost(event.target.value);
              }}
            />
          </label>
          <label className="field">
            <span>{t('webhooks.port')}</span>
            <input
              type="number"
              min={1}
              max={65535}
              step={1}
              value={port}
              onChange={(event) => {
                setPort(event.target.value);
              }}
            />
          </label>
          <label className="field">
            <span>{t('webhooks.publicBaseUrl')}</span>
            <input
              type="url"
              placeholder="https://"
              value={publicBaseUrl}
              onChange={(event) => {
                setPublicBaseUrl(event.target.value);
              }}
            />
          </label>
        </div>
        {isLoopbackHost(host.trim()) ? null : (
          <p id="webhook-host-warning" className="hint tone-warning" role="alert">
            {t('webhooks.hostWarning')}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button">
            {t('webhooks.save')}
          </button>
        </div>
      </form>
      <label className="field">
        <span>{t('webhooks.url')}</span>
        <input
          readOnly
          value={info.url}
          className="webhook-url"
          onFocus={(event) => {
            event.target.select();
          }}
        />
      </label>
      <div className="form-actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            void navigator.clipboard.writeText(info.url).then(() => {
              setNote({ ok: true, text: t('webhooks.copied') });
            });
          }}
        >
          {t('webhooks.copy')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            void client.newWebhookSecret({}).then((answer) => {
              if (!answer.ok) return;
              setInfo(answer.value);
              setNote({ ok: true, text: t('webhooks.newSecretDone') });
            });
          }}
        >
          {t('webhooks.newSecret')}
        </button>
      </div>
      <p role="status" className={`webhook-state${info.state.kind === 'failed' ? ' tone-error' : ''}`}>
        {info.state.kind === 'failed'
          ? t('webhooks.state_failed', { message: info.state.message })
          : t(`webhooks.state_${info.state.kind}`)}
      </p>
      {note !== null ? (
        <p role="status" className={note.ok ? 'tone-ok' : 'tone-error'}>
          {note.text}
        </p>
      ) : null}
      <ul className="webhook-refusals" aria-label={t('webhooks.title')}>
        {lines.length === 0 ? (
          <li className="muted">{t('webhooks.noRefusals')}</li>
        ) : (
          lines.map((line) => (
            <li key={line.reason}>
              {t('webhooks.refused', { count: line.count, reason: t(`webhooks.reason_${line.reason}`) })}
            </li>
          ))
        )}
      </ul>
    </section>
  );
}
