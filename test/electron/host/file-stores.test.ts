import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFileWatchListStore } from '../../../electron/host/file-stores';
import { startHostServices } from '../../../electron/host/host-services';
import { createRestartableHostEngine } from '../../../electron/host/restartable-engine';
import { freshMessage } from '../../fakes/message-views';
import { tempDir } from './host-test-kit';

let dir: string;
let problems: string[];

beforeEach(async () => {
  dir = await tempDir();
  problems = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const report = (message: string): void => {
  problems.push(message);
};

describe('the watch list file', () => {
  it('keeps every saved message for the next run, and leaves no temporary files', async () => {
    const store = new JsonFileWatchListStore(dir, report);
    expect(await store.load()).toEqual([]);
    const a = { ...freshMessage('a', 1, 'x'), acknowledged: false };
    const b = { ...freshMessage('b', 2), acknowledged: true };
    await Promise.all([
      store.save({ upserted: [a], removed: [] }),
      store.save({ upserted: [b], removed: [] }),
    ]);
    await store.save({ upserted: [], removed: ['a'] });
    const next = new JsonFileWatchListStore(dir, report);
    const { schedule: _schedule, ...bRecord } = b;
    expect(await next.load()).toEqual([bRecord]);
    expect(await readdir(dir)).toEqual(['watch-list.json']);
    expect(problems).toEqual([]);
  });

  it('loads the records that fit, sets the others aside in a file beside it, and says so', async () => {
    const good = { ...freshMessage('good-1', 1), acknowledged: false };
    const { schedule: _schedule, ...goodRecord } = good;
    await writeFile(
      join(dir, 'watch-list.json'),
      JSON.stringify({ version: 1, messages: [{ id: 'only-id' }, good, null, { ...good, id: 'bad id' }] }),
    );
    expect(await new JsonFileWatchListStore(dir, report).load()).toEqual([goodRecord]);
    expect(problems).toEqual([
      expect.stringMatching(
        /^3 saved messages in .*watch-list\.json could not be read and were set aside \(message 1 \("only-id"\): label: missing .*\); the others loaded\. They are kept in .*watch-list\.json\.refused-/,
      ),
    ]);
    const aside = (await readdir(dir)).find((name) => name.startsWith('watch-list.json.refused-'));
    expect(JSON.parse(await readFile(join(dir, aside ?? 'none'), 'utf8'))).toEqual({
      version: 1,
      messages: [{ id: 'only-id' }, null, { ...good, id: 'bad id' }],
    });
  });

  it('starts the monitor on a saved list with records that do not fit: the others are moved into the database', async () => {
    const good = { ...freshMessage('good-1', 1), acknowledged: false };
    await writeFile(
      join(dir, 'watch-list.json'),
      JSON.stringify({ version: 1, messages: [{ id: 'only-id' }, good, null, { ...good, id: 'bad id' }] }),
    );
    const services = await startHostServices({
      dataDir: dir,
      env: {},
      createEngine: createRestartableHostEngine,
      onProblem: report,
    });
    try {
      expect(services.engine.snapshot().messages.map((message) => message.id)).toEqual(['good-1']);
      expect(services.engine.watch(['new-1']).added).toEqual(['new-1']);
    } finally {
      await services.stop();
    }
    expect(problems).toEqual([
      expect.stringMatching(
        /^The watch list is now kept in a database: 1 message was imported from .*watch-list\.json, which was moved to .*watch-list\.json\.imported-.*\. 3 records were not whole and left out \(first: message 1 \("only-id"\): label: missing .*\); they stay in the old file\.$/,
      ),
    ]);
    const reopened = await startHostServices({
      dataDir: dir,
      env: {},
      createEngine: createRestartableHostEngine,
      onProblem: report,
    });
    try {
      expect(reopened.engine.snapshot().messages.map((message) => message.id)).toEqual(['good-1', 'new-1']);
    } finally {
      await reopened.stop();
    }
  });

  it('moves a corrupt file aside with a clear message and starts empty', async () => {
    await writeFile(join(dir, 'watch-list.json'), '{"version": 1, "messages": [tru');
    const store = new JsonFileWatchListStore(dir, report);
    expect(await store.load()).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /watch-list\.json could not be read \(it is not valid JSON\); it was moved to .*corrupt/,
    );
    const files = await readdir(dir);
    expect(files.some((name) => name.startsWith('watch-list.json.corrupt-'))).toBe(true);
    const kept = files.find((name) => name.includes('corrupt')) ?? '';
    expect(await readFile(join(dir, kept), 'utf8')).toBe('{"version": 1, "messages": [tru');
  });
});
