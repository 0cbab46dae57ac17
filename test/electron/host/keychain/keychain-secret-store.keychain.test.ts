import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';
import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../../../shared/credentials';
import { KeychainSecretStore } from '../../../../electron/host/keychain-secret-store';

/*
 * Runs against a real Secret Service: a private D-Bus session with a throwaway gnome-keyring, started by
 * `scripts/with-test-keyring.sh` (`npm run test:keychain`). Without one every test here fails: CI installs it.
 */

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const run = promisify(execFile);
const KEY: Credentials = { method: 'api-key-header', apiKey: 'keychain-secret-1234' };
const USER: Credentials = { method: 'basic', username: 'ops', password: 'keychain-password-5678' };
const SIM = 'http://127.0.0.1:4010';
const OTHER = 'https://api.example.test';
const SECRET_SERVICE = { linux: { store: 'secret-service' } } as const;

/** A store on a service of its own (each test starts from an empty keychain), and the problems it reported. */
function freshStore(service = `SMSBAT Delivery Monitor (test ${randomUUID()})`) {
  const problems: string[] = [];
  const store = new KeychainSecretStore({ service, onProblem: (message) => problems.push(message) });
  return { service, store, problems };
}

const NO_KEYCHAIN_LINE = /^No OS keychain answered \(.+\): credentials are kept for this session only\.$/;

let answering: Promise<void> | null = null;

/** Fails the test (never skips it) when no Secret Service answers, saying how to run the suite. */
function secretServiceAnswers(): Promise<void> {
  answering ??= (async () => {
    try {
      const probe = new AsyncEntry(`SMSBAT keychain suite probe ${randomUUID()}`, 'probe', SECRET_SERVICE);
      await probe.setPassword('probe');
      await probe.deleteCredential();
    } catch (error) {
      throw new Error(
        `No Secret Service answers (${String(error)}): run this suite through scripts/with-test-keyring.sh ` +
          '(npm run test:keychain), with the Debian packages dbus and gnome-keyring installed.',
        { cause: error },
      );
    }
  })();
  return answering;
}

describe('credentials in a real Secret Service', () => {
  it('saves, reads back after a restart, replaces and deletes, one entry of JSON per origin', async () => {
    await secretServiceAnswers();
    const { service, store, problems } = freshStore();
    expect(await store.load(SIM)).toBeNull();
    await store.save(SIM, KEY);
    expect(await store.load(SIM)).toEqual(KEY);

    // A new store on the same service is the app after a restart.
    const restarted = new KeychainSecretStore({ service, onProblem: (message) => problems.push(message) });
    expect(await restarted.load(SIM)).toEqual(KEY);
    expect(JSON.parse((await new AsyncEntry(service, SIM, SECRET_SERVICE).getPassword()) ?? '')).toEqual(KEY);

    await restarted.save(SIM, USER);
    expect(await store.load(SIM)).toEqual(USER);
    expect(await findCredentialsAsync(service)).toHaveLength(1);

    await store.delete(SIM);
    expect(await restarted.load(SIM)).toBeNull();
    expect(await findCredentialsAsync(service)).toEqual([]);
    await store.delete(SIM); // deleting what is not there is not a problem

    expect(store.persistent).toBe(true);
    expect(problems).toEqual([]);
  });

  it('keeps the credentials of two origins apart, and deleting one leaves the other', async () => {
    await secretServiceAnswers();
    const { service, store } = freshStore();
    await store.save(SIM, KEY);
    await store.save(OTHER, USER);
    const entries = await findCredentialsAsync(service);
    expect(entries.map((entry) => entry.account).sort()).toEqual([SIM, OTHER].sort());
    expect(await store.load(SIM)).toEqual(KEY);
    expect(await store.load(OTHER)).toEqual(USER);
    expect(await store.load('http://127.0.0.1:4011')).toBeNull();
    await store.delete(OTHER);
    expect(await store.load(SIM)).toEqual(KEY);
    expect(await store.load(OTHER)).toBeNull();
    await store.delete(SIM);
  });

  it('reads an entry it cannot understand as nothing saved, and says so without the entry', async () => {
    await secretServiceAnswers();
    const { service, store, problems } = freshStore();
    await new AsyncEntry(service, SIM, SECRET_SERVICE).setPassword('not credentials: keychain-secret-9');
    expect(await store.load(SIM)).toBeNull();
    expect(problems).toEqual([
      expect.stringContaining(`saved in the OS keychain for ${SIM} are not readable`),
    ]);
    expect(problems.join()).not.toContain('keychain-secret-9');
    expect(store.persistent).toBe(true);
    await store.delete(SIM);
  });
});

describe('where no keychain answers', () => {
  it('with no D-Bus session: one clear line, credentials kept in memory for the session, no crash', async () => {
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/smsbat-no-bus' };
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'no-keychain-probe.ts')],
      { cwd: ROOT, env, timeout: 60_000 },
    );
    const outcome = JSON.parse(stdout) as {
      before: boolean;
      persistent: boolean;
      problems: string[];
      loaded: unknown;
      afterDelete: unknown;
    };
    expect(outcome.before).toBe(true);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatch(NO_KEYCHAIN_LINE);
    expect(outcome.problems[0]).not.toContain('no-keychain-secret-4321');
    expect(outcome.persistent).toBe(false);
    expect(outcome.loaded).toEqual({ method: 'api-key-header', apiKey: 'no-keychain-secret-4321' });
    expect(outcome.afterDelete).toBeNull();
  });

  // Last: it locks the session's keyring for the rest of this file.
  it('with a locked keyring: one clear line, memory for the session, no crash', async () => {
    await secretServiceAnswers();
    const { service, store: before } = freshStore();
    await before.save(SIM, KEY);
    execFileSync('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service.Lock',
      'array:objpath:/org/freedesktop/secrets/collection/login',
    ]);

    const { store, problems } = freshStore(service);
    expect(await store.load(SIM)).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(NO_KEYCHAIN_LINE);
    expect(store.persistent).toBe(false);

    await store.save(OTHER, USER);
    expect(await store.load(OTHER)).toEqual(USER);
    await store.delete(OTHER);
    expect(await store.load(OTHER)).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems.join()).not.toMatch(/keychain-secret-1234|keychain-password-5678/);
  });
});
