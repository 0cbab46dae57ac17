import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionInfo } from '../../../shared/contract';
import { AUTH_METHODS, type AuthMethod } from '../../../shared/credentials';
import { hostText } from '../logic/host-text';
import { useClient } from '../state/client-context';

/** A request that threw (the host went away) as a failed result. */
function failure(error: unknown): { readonly ok: false; readonly error: { readonly message: string } } {
  return { ok: false, error: { message: error instanceof Error ? error.message : String(error) } };
}

/** The connect form: base URL, auth method, the secret, Test connection with its exact result, and Connect. */
export function ConnectForm({
  connection,
  onConnected,
}: {
  readonly connection: ConnectionInfo | null;
  readonly onConnected?: (info: ConnectionInfo) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [baseUrl, setBaseUrl] = useState(
    connection !== null && !connection.demo && connection.baseUrl !== ''
      ? connection.baseUrl
      : 'https://restapi.smsbat.com',
  );
  const [method, setMethod] = useState<AuthMethod>(connection?.authMethod ?? 'api-key-header');
  const [apiKey, setApiKey] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<'test' | 'connect' | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const payload = () => ({
    baseUrl: baseUrl.trim(),
    credentials:
      method === 'basic'
        ? { method, username, password }
        : method === 'basic-api-key'
          ? { method, apiKey }
          : { method, apiKey },
  });

  const test = async () => {
    setBusy('test');
    setOutcome(null);
    const answer = await client.testConnection(payload()).catch((error: unknown) => failure(error));
    setBusy(null);
    if (!answer.ok) {
      setOutcome({
        ok: false,
        text: t('connect.testFailed', { message: hostText(t, answer.error.message) }),
      });
      return;
    }
    const result = answer.value;
    setOutcome(
      result.ok
        ? { ok: true, text: t('connect.testOk', { who: hostText(t, result.signedInAs) }) }
        : { ok: false, text: t('connect.testFailed', { message: hostText(t, result.message) }) },
    );
  };

  const connect = async () => {
    setBusy('connect');
    setOutcome(null);
    // Connecting tries the credentials first: a wrong key is reported here, not later as a blocked engine.
    const tried = await client.testConnection(payload()).catch((error: unknown) => failure(error));
    const reason = !tried.ok ? tried.error.message : !tried.value.ok ? tried.value.message : null;
    if (reason !== null) {
      setBusy(null);
      setOutcome({ ok: false, text: t('connect.testFailed', { message: reason }) });
      return;
    }
    const answer = await client.connect(payload()).catch((error: unknown) => failure(error));
    setBusy(null);
    if (!answer.ok) {
      setOutcome({
        ok: false,
        text: t('connect.testFailed', { message: hostText(t, answer.error.message) }),
      });
      return;
    }
    const info = answer.value;
    setOutcome({ ok: true, text: t('connect.connected', { who: hostText(t, info.signedInAs ?? '') }) });
    setApiKey('');
    setPassword('');
    onConnected?.(info);
  };

  const complete =
    baseUrl.trim() !== '' && (method === 'basic' ? username !== '' && password !== '' : apiKey !== '');

  return (
    <form
      className="form connect-form"
      onSubmit={(event) => {
        event.preventDefault();
        void connect();
      }}
    >
      <label className="field">
        <span>{t('connect.baseUrl')}</span>
        <input
          type="url"
          required
          value={baseUrl}
          onChange={(event) => {
            setBaseUrl(event.target.value);
          }}
        />
      </label>
      <fieldset className="field radio-group">
        <legend>{t('connect.authMethod')}</legend>
        {AUTH_METHODS.map((option) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name="auth-method"
              value={option}
              checked={method === option}
              onChange={() => {
                setMethod(option);
              }}
            />
            {t(`connect.method_${option}`)}
          </label>
        ))}
      </fieldset>
      {method === 'basic' ? (
        <div className="form-row">
          <label className="field">
            <span>{t('connect.username')}</span>
            <input
              type="text"
              autoComplete="username"
              value={username}
              onChange={(event) => {
                setUsername(event.target.value);
              }}
            />
          </label>
          <label className="field">
            <span>{t('connect.password')}</span>
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
              }}
            />
          </label>
        </div>
      ) : (
        <label className="field">
          <span>{t('connect.apiKey')}</span>
          <input
            type="password"
            autoComplete="off"
            value={apiKey}
            onChange={(event) => {
              setApiKey(event.target.value);
            }}
          />
        </label>
      )}
      {connection?.noCredentialsReason === 'new-address' ? (
        <p className="note note--warning" role="note">
          {t('connect.newAddress', { url: connection.baseUrl })}
        </p>
      ) : null}
      <p className="hint">{t('connect.secretNeverShown')}</p>
      {connection !== null && !connection.persistent ? (
        <p className="note note--warning" role="note">
          {t('connect.notPersistent')}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={!complete || busy !== null}
          onClick={() => void test()}
        >
          {busy === 'test' ? t('connect.testing') : t('connect.test')}
        </button>
        <button type="submit" className="button button--primary" disabled={!complete || busy !== null}>
          {busy === 'connect' ? t('connect.connecting') : t('connect.connectButton')}
        </button>
      </div>
      {outcome !== null ? (
        <p role="alert" className={`note ${outcome.ok ? 'note--ok' : 'note--error'}`}>
          {outcome.text}
        </p>
      ) : null}
    </form>
  );
}
