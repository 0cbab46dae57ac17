import { describe, expect, it } from 'vitest';
import {
  chooseLaunch,
  electronExitOutcome,
  skipsElectronDownload,
  STARTUP_GRACE_MS,
} from '../../../scripts/launch-choice';

describe('how npm start shows the app', () => {
  it('runs the desktop app, downloading Electron when it is missing, by default', () => {
    expect(chooseLaunch(['--port', '8080'], {})).toEqual({
      kind: 'electron',
      download: true,
      electronArgv: [],
      argv: ['--port', '8080'],
    });
  });

  it("keeps the browser host's flags away from Electron, and for the browser host if it comes to that", () => {
    const choice = chooseLaunch(
      ['--port', '8080', '--data-dir=/tmp/x', '--no-open', '--data-dir', '/tmp/y', '--port=9', '--inspect'],
      {},
    );
    expect(choice).toMatchObject({
      kind: 'electron',
      electronArgv: ['--inspect'],
      argv: [
        '--port',
        '8080',
        '--data-dir=/tmp/x',
        '--no-open',
        '--data-dir',
        '/tmp/y',
        '--port=9',
        '--inspect',
      ],
    });
  });

  it('goes straight to the browser host with --browser, saying so in one line, and passes the rest on', () => {
    const choice = chooseLaunch(['--browser', '--port', '8080', '--no-open'], {
      ELECTRON_SKIP_BINARY_DOWNLOAD: '',
    });
    expect(choice).toEqual({
      kind: 'browser',
      line: 'Starting the browser host (--browser).',
      argv: ['--port', '8080', '--no-open'],
    });
  });

  it('does not download Electron when ELECTRON_SKIP_BINARY_DOWNLOAD is set', () => {
    expect(chooseLaunch([], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toEqual({
      kind: 'electron',
      download: false,
      electronArgv: [],
      argv: [],
    });
    expect(skipsElectronDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'true' })).toBe(true);
    expect(skipsElectronDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: '0' })).toBe(false);
    expect(skipsElectronDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'false' })).toBe(false);
    expect(skipsElectronDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: '' })).toBe(false);
    expect(skipsElectronDownload({})).toBe(false);
  });
});

describe('what an ended Electron means', () => {
  const linuxUser = { platform: 'linux' as const, isRoot: false };

  it('is done when the app quit normally, however soon', () => {
    expect(electronExitOutcome({ code: 0, signal: null, ranMs: 200 }, linuxUser)).toEqual({
      kind: 'done',
      code: 0,
    });
  });

  it('falls back when Electron was killed by a signal at any time (an abort, a crash), saying which', () => {
    expect(electronExitOutcome({ code: null, signal: 'SIGTRAP', ranMs: 300 }, linuxUser)).toEqual({
      kind: 'fallback',
      line: 'Electron stopped (signal SIGTRAP); starting the browser host instead.',
    });
    expect(electronExitOutcome({ code: null, signal: 'SIGSEGV', ranMs: 3_600_000 }, linuxUser)).toMatchObject(
      {
        kind: 'fallback',
      },
    );
  });

  it('does not fall back when the person stopped it (Ctrl-C, a terminal closing)', () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      expect(electronExitOutcome({ code: null, signal, ranMs: 100 }, linuxUser)).toEqual({
        kind: 'done',
        code: 1,
      });
    }
  });

  it('falls back on a failed exit within the first seconds, not later', () => {
    const at = (ranMs: number) => electronExitOutcome({ code: 1, signal: null, ranMs }, linuxUser).kind;
    expect(at(STARTUP_GRACE_MS - 1)).toBe('fallback');
    expect(at(STARTUP_GRACE_MS)).toBe('done');
    expect(at(STARTUP_GRACE_MS + 1)).toBe('done');
  });

  it('names the likely cause as root on Linux (the sandbox)', () => {
    const outcome = electronExitOutcome(
      { code: null, signal: 'SIGTRAP', ranMs: 100 },
      { platform: 'linux', isRoot: true },
    );
    expect(outcome).toMatchObject({ kind: 'fallback' });
    expect(outcome.kind === 'fallback' && outcome.line).toContain('as root');
  });
});
