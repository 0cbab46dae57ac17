import { describe, expect, it } from 'vitest';
import { parseBrowserHostArgs } from '../../../electron/host/browser-host-args';
import { defaultDataDir } from '../../../electron/host/data-dir';
import { openCommand } from '../../../electron/host/open-in-browser';

describe('the browser host options', () => {
  it('defaults to a free port, the config directory and opening a browser', () => {
    expect(parseBrowserHostArgs([])).toEqual({ port: 0, dataDir: null, open: true, help: false });
    expect(parseBrowserHostArgs(['--port', '8080', '--data-dir', '/tmp/m', '--no-open'])).toEqual({
      port: 8080,
      dataDir: '/tmp/m',
      open: false,
      help: false,
    });
  });

  it('names the option that is wrong', () => {
    expect(() => parseBrowserHostArgs(['--port', 'eighty'])).toThrow(/--port expects a port number/);
    expect(() => parseBrowserHostArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseBrowserHostArgs(['--data-dir', ''])).toThrow(/--data-dir/);
    expect(() => parseBrowserHostArgs(['--bogus'])).toThrow(/bogus/);
  });

  it("keeps data where Electron's userData would be", () => {
    expect(defaultDataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/smsbat-delivery-monitor');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ann')).toBe(
      '/cfg/smsbat-delivery-monitor',
    );
    expect(defaultDataDir({}, 'darwin', '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/smsbat-delivery-monitor',
    );
  });

  it('opens a browser only where there is a desktop', () => {
    expect(openCommand('linux', {})).toBeNull();
    expect(openCommand('linux', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: [] });
    expect(openCommand('darwin', {})).toEqual({ command: 'open', args: [] });
  });
});
