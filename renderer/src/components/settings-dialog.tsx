import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionInfo, UiPreferences } from '../../../shared/contract';
import type { EngineSettings } from '../../../shared/engine-api';
import { contractErrorText } from '../logic/contract-error-text';
import { useClient } from '../state/client-context';
import { useRequest } from '../state/use-request';
import { formatNumber } from '../i18n/format';
import { hostText } from '../logic/host-text';
import { checkPollingForm, type PollingForm, type PollingProblem } from '../logic/polling-form';
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
  const { t, i18n } = useTranslation();
  const request = useRequest();
  const client = useClient();
  const [rateCap, setRateCap] = useState(String(settings?.rateCapPerSecond ?? 10));
  const [watchHours, setWatchHours] = useState(String((settings?.watchWindowMs ?? 72 * HOUR_MS) / HOUR_MS));
  const [firstSeconds, setFirstSeconds] = useState(String((settings?.firstIntervalMs ?? 5000) / 1000));
  const [pollingNote, setPollingNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [problems, setProblems] = useState<readonly PollingProblem[]>([]);

  const savePolling = async () => {
    setPollingNote(null);
    const checked = checkPollingForm({ rateCap, watchHours, firstSeconds });
    setProblems(checked.ok ? [] : checked.problems);
    if (!checked.ok) return;
    const answer = await client.updateSettings({ settings: checked.settings });
    if (answer.ok) setPollingNote({ ok: true, text: t('settings.saved') });
    else {
      const problems = answer.error.problems?.map((problem) => problem.message).join('; ');
      setPollingNote({
        ok: false,
        text:
          answer.error.kind === 'not_saved'
            ? contractErrorText(t, answer.error)
            : t('settings.invalid', { message: problems ?? answer.error.message }),
      });
    }
  };

  /** The field's error message in the window's language, and the props that tie it to the field. */
  const fieldProblem = (field: keyof PollingForm) => {
    const problem = problems.find((item) => item.field === field);
    if (problem === undefined) return { message: null, inputProps: {} };
    const id = `settings-problem-${field}`;
    const range = {
      min: formatNumber(i18n.language, problem.min),
      max: formatNumber(i18n.language, problem.max),
    };
    return {
      message: (
        <span id={id} className="field-error tone-error">
          {t(`settings.problem_${field}`, range)}
        </span>
      ),
      inputProps: { 'aria-invalid': true, 'aria-errormessage': id },
    };
  };
  const rateProblem = fieldProblem('rateCap');
  const watchProblem = fieldProblem('watchHours');
  const firstProblem = fieldProblem('firstSeconds');

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
              ? t('connect.signedInAs', { who: hostText(t, connection.signedInAs) })
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
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void savePolling();
          }}
        >
          <div className="form-row">
            <label className="field">
              <span>{t('settings.rateCap')}</span>
              <input
                type="text"
                inputMode="decimal"
                value={rateCap}
                {...rateProblem.inputProps}
                onChange={(e) => {
                  setRateCap(e.target.value);
                }}
              />
              {rateProblem.message}
            </label>
            <label className="field">
              <span>{t('settings.watchWindow')}</span>
              <input
                type="text"
                inputMode="decimal"
                value={watchHours}
                {...watchProblem.inputProps}
                onChange={(e) => {
                  setWatchHours(e.target.value);
                }}
              />
              {watchProblem.message}
            </label>
            <label className="field">
              <span>{t('settings.firstInterval')}</span>
              <input
                type="text"
                inputMode="decimal"
                aria-describedby="settings-first-interval-help"
                value={firstSeconds}
                {...firstProblem.inputProps}
                onChange={(e) => {
                  setFirstSeconds(e.target.value);
                }}
              />
              {firstProblem.message}
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
