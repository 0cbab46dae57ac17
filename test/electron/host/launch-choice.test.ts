import { describe, expect, it } from 'vitest';
import { chooseLaunch, skipsElectronDownload } from '../../../scripts/launch-choice';

describe('how npm start shows the app', () => {
  it('runs the desktop app, downloading Electron when it is missing, by default', () => {
    expect(chooseLaunch(['--port', '8080'], {})).toEqual({
      kind: 'electron',
      download: true,
      argv: ['--port', '8080'],
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
      argv: [],
    });
    expect(skipsElectronDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'true' })).toBe(true);
    expect(skipsElectronDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: '0' })).toBe(false);
    expect(skipsElectronDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'false' })).toBe(false);
    expect(skipsElectronDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: '' })).toBe(false);
    expect(skipsElectronDownload({})).toBe(false);
  });
});
