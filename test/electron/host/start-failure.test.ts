import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { explainDownloadFailure } from '../../../scripts/find-electron';
import { explainStartFailure } from '../../../scripts/start-failure';

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => {
    if (server === null) resolve();
    else
      server.close(() => {
        resolve();
      });
  });
  server = null;
});

/** The error Node gives when listening on a port another server on 127.0.0.1 holds. */
async function portInUseError(): Promise<{ error: unknown; port: number }> {
  server = createServer();
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const second = createServer();
  const error = await new Promise<unknown>((resolve) => {
    second.once('error', resolve);
    second.listen(address.port, '127.0.0.1');
  });
  return { error, port: address.port };
}

describe('why the browser host could not start, in a sentence', () => {
  it('names the port that is taken and how to pick another', async () => {
    const { error, port } = await portInUseError();
    const sentence = explainStartFailure(error, port);
    expect(sentence).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(sentence).toContain('--port');
    expect(sentence).not.toMatch(/EADDRINUSE|listen /);
  });

  it('says a port below 1024 needs another number, and leaves other errors to their own words', () => {
    const denied = Object.assign(new Error('listen EACCES: permission denied 127.0.0.1:80'), {
      code: 'EACCES',
    });
    expect(explainStartFailure(denied, 80)).toMatch(/Not allowed to listen on port 80.*--port/);
    expect(explainStartFailure(new Error('The window is not built'), 0)).toBe('The window is not built');
  });
});

describe('why Electron could not be downloaded, in a sentence', () => {
  it('turns "fetch failed" into words about the network', () => {
    const reason = explainDownloadFailure('TypeError: fetch failed');
    expect(reason).not.toContain('TypeError');
    expect(reason).toMatch(/could not reach the Electron download server/);
    expect(reason).toContain('--browser');
  });

  it('says a download that took too long timed out, and keeps an unknown detail', () => {
    expect(explainDownloadFailure('spawnSync node ETIMEDOUT')).toMatch(/took too long/);
    expect(explainDownloadFailure('HTTPError: Response code 404')).toContain('HTTPError: Response code 404');
    expect(explainDownloadFailure(undefined)).toMatch(/could not be downloaded/);
  });
});
