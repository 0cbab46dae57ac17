import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionInfo, UiPreferences } from '../../../shared/contract';
import type { EngineSettings } from '../../../shared/engine-api';
import { useClient } from '../state/client-context';
import { useRequest } from '../state/use-request';
import { ConnectForm } from './connect-form';
import { Dialog } from './dialog';
import { WebhookSettings } from './webhook-settings';

/** What the settings dialog edits. */
export interface SettingsDialogProps {
  readonly connection: ConnectionInfo | null;
  readonly settings: EngineSettings | null;
  readonly preferences: UiPreferences | null;
  readonly onClose: () => void;
}

const HOUR_MS = 3_600_000;

/** Settings: connection and credentials, polling, notifications per kind, theme and language. */
export function SettingsDialog({ connection, settings, preferences, onClose }: SettingsDialogProps) {
  const { t } = useTranslation();
  const request = useRequest();
  const client = useClient();
  const [rateCap, setRateCap] = useState(String(settings?.rateCapPerSecond ?? 10));
  const [watchHours, setWatchHours] = useState(String((settings?.watchWindowMs ?? 72 * HOUR_MS) / HOUR_MS));
  const [firstSeconds, setFirstSeconds] = useState(String((settings?.firstIntervalMs ?? 5000) / 1000));
  const [pollingNote, setPollingNote] = useState<{ ok: boolean; text: string } | null>(null);

  const savePolling = async () => {
    setPollingNote(null);
    const answer = await client.updateSettings({
      settings: {
        rateCapPerSecond: Number(rateCap),
        watchWindowMs: Math.round(Number(watchHours) * HOUR_MS),
        firstIntervalMs: Math.round(Number(firstSeconds) * 1000),
      },
    });
    if (answer.ok) setPollingNote({ ok: true, text: t('settings.saved') });
    else {
      const problems = answer.error.problems?.map((problem) => problem.message).join('; ');
      setPollingNote({
        ok: false,
        text: t('settings.invalid', { message: problems ?? answer.error.message }),
      });
    }
  };

  const setPreference = (preferencesPatch: Parameters<typeof client.updatePreferences>[0]['preferences']) =>
    void request('updatePreferences', { preferences: preferencesPatch });

  return (
    <Dialog
      title={t('settings.title')}
      closeLabel={t('settings.close')}
      onClose={onClose}
      className="settings-dialog"
    >
      <section aria-labelledby="settings-connection">
        <h3 id="settings-connection">{t('settings.connection')}</h3>
        {connection !== null ? (
          <p className="connection-summary">
            {connection.signedInAs !== null
              ? t('connect.signedInAs', { who: connection.signedInAs })
              : t('connect.notSignedIn')}{' '}
            <span className="muted">
              · {t(`connect.source_${connection.source}`)}
              {connection.baseUrl !== '' ? ` · ${connection.baseUrl}` : ''}
            </span>
            {connection.source !== 'none' ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => void request('disconnect', {})}
              >
                {t('connect.disconnect')}
              </button>
            ) : null}
          </p>
        ) : null}
        <ConnectForm connection={connection} />
      </section>

      <section aria-labelledby="settings-polling">
        <h3 id="settings-polling">{t('settings.polling')}</h3>
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void savePolling();
          }}
        >
          <div className="form-row">
            <label className="field">
              <span>{t('settings.rateCap')}</span>
              <input
                type="number"
                min={1}
                max={50}
                step={1}
                value={rateCap}
                onChange={(e) => {
                  setRateCap(e.target.value);
                }}
              />
            </label>
            <label className="field">
              <span>{t('settings.watchWindow')}</span>
              <input
                type="number"
                min={0.1}
                step="any"
                value={watchHours}
                onChange={(e) => {
                  setWatchHours(e.target.value);
                }}
              />
            </label>
            <label className="field">
              <span>{t('settings.firstInterval')}</span>
              <input
                type="number"
                min={1}
                step="any"
                aria-describedby="settings-first-interval-help"
                value={firstSeconds}
                onChange={(e) => {
                  setFirstSeconds(e.target.value);
                }}
              />
            </label>
          </div>
          <p id="settings-first-interval-help" className="hint">
            {t('settings.firstIntervalHelp')}
          </p>
          <div className="form-actions">
            <button type="submit" className="button">
              {t('settings.save')}
            </button>
            {pollingNote !== null ? (
              <span role="status" className={pollingNote.ok ? 'tone-ok' : 'tone-error'}>
                {pollingNote.text}
              </span>
            ) : null}
          </div>
        </form>
      </section>

      <WebhookSettings />

      <section aria-labelledby="settings-notifications">
        <h3 id="settings-notifications">{t('settings.notifications')}</h3>
        <div className="checkbox-row">
          {(['delivered', 'failed', 'overdue'] as const).map((kind) => (
            <label key={kind} className="checkbox">
              <input
                type="checkbox"
                checked={preferences?.notify[kind] ?? false}
                onChange={(event) => {
                  setPreference({ notify: { [kind]: event.target.checked } });
                }}
              />
              {t(`settings.notify_${kind}`)}
            </label>
          ))}
        </div>
      </section>

      <section aria-labelledby="settings-appearance">
        <h3 id="settings-appearance">{t('settings.appearance')}</h3>
        <div className="form-row">
          <fieldset className="field radio-group">
            <legend>{t('settings.theme')}</legend>
            {(['system', 'light', 'dark'] as const).map((theme) => (
              <label key={theme} className="radio">
                <input
                  type="radio"
                  name="theme"
                  checked={(preferences?.theme ?? 'system') === theme}
                  onChange={() => {
                    setPreference({ theme });
                  }}
                />
                {t(`settings.theme_${theme}`)}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>{t('settings.language')}</span>
            <select
              value={preferences?.language ?? 'system'}
              onChange={(event) => {
                setPreference({ language: event.target.value as UiPreferences['language'] });
              }}
            >
              {(['system', 'en', 'uk'] as const).map((language) => (
                <option key={language} value={language} lang={language === 'system' ? undefined : language}>
                  {t(`settings.language_${language}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>
    </Dialog>
  );
}
