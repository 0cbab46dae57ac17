import { KeychainSecretStore } from '../../../../electron/host/keychain-secret-store';

/**
 * Saves and reads credentials through the keychain store and prints what happened as one JSON line; the keychain
 * suite runs it with no D-Bus session (a process cannot lose its bus half way, so this runs on its own).
 */
const problems: string[] = [];
const store = new KeychainSecretStore({
  service: 'SMSBAT Delivery Monitor (no-keychain test)',
  onProblem: (message) => problems.push(message),
});
const origin = 'http://127.0.0.1:4010';
const before = store.persistent;
await store.save(origin, { method: 'api-key-header', apiKey: 'no-keychain-secret-4321' });
const loaded = await store.load(origin);
await store.delete(origin);
const afterDelete = await store.load(origin);
process.stdout.write(
  `${JSON.stringify({ before, persistent: store.persistent, problems, loaded, afterDelete })}\n`,
);
