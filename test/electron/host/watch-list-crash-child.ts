/**
 * A host's engine on a real watch-list store in a child process, adding ids at a high rate and printing each batch
 * once its `watch` is saved (as a window's answer would be): `ack <id> <id>...`. The test kills it with SIGKILL.
 * Arguments: the data directory, the round (to keep ids apart), and `lmdb` or `json` (the old store).
 */
import { JsonFileWatchListStore } from '../../../electron/host/file-stores';
import { LmdbWatchListStore } from '../../../electron/host/lmdb-watch-list-store';
import { createRestartableHostEngine } from '../../../electron/host/restartable-engine';

const [dataDir = '', round = '0', kind = 'lmdb'] = process.argv.slice(2);
const ignore = (): void => undefined;
const store =
  kind === 'json'
    ? new JsonFileWatchListStore(dataDir, ignore)
    : new LmdbWatchListStore({ dataDir, onProblem: ignore });
const engine = createRestartableHostEngine({ store, settings: {}, onStoreError: ignore, onProblem: ignore });
await engine.start();
process.stdout.write('ready\n');

const IDS_PER_TICK = 4;
let next = 0;
// About 800 ids a second: 4 every 5 ms, each batch answered on its own like separate requests.
setInterval(() => {
  const ids = Array.from({ length: IDS_PER_TICK }, () => `crash-${round}-${next++}`);
  engine.watch(ids);
  engine.persisted().then(
    () => process.stdout.write(`ack ${ids.join(' ')}\n`),
    (error: unknown) => process.stdout.write(`error ${String(error)}\n`),
  );
}, 5);
