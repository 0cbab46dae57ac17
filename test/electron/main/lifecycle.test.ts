import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { App, BrowserWindow, PowerMonitor } from 'electron';
import {
  finalSaveReport,
  finishWithin,
  hideOnClose,
  installQuit,
  QUIT_TIME_LIMIT_MS,
  type FinalSave,
} from '../../../electron/main/quit';
import { installSingleInstance } from '../../../electron/main/single-instance';
import { runStartup, startupFailureText } from '../../../electron/main/startup';
import {
  cameOnline,
  installWakeChecks,
  MIN_WAKE_GAP_MS,
  shouldWake,
} from '../../../electron/main/wake-checks';
import { electronEvent } from '../../fakes/electron-stand-in/events';

/** A timer the test fires by hand. */
function manualTimer() {
  const pending: { callback: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    pending,
    set: (callback: () => void, ms: number) => {
      const timer = { callback, ms, cancelled: false };
      pending.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  };
}

describe('the last save when quitting', () => {
  it('reports a save that finished, one that failed, and one that outlasted the time limit', async () => {
    const timer = manualTimer();
    await expect(finishWithin(() => Promise.resolve(), 5000, timer.set)).resolves.toEqual({ kind: 'saved' });
    expect(timer.pending[0]?.cancelled).toBe(true);
    await expect(
      finishWithin(() => Promise.reject(new Error('disk full')), 5000, timer.set),
    ).resolves.toEqual({
      kind: 'failed',
      error: new Error('disk full'),
    });
    const never = finishWithin(() => new Promise(() => undefined), 5000, timer.set);
    expect(timer.pending[2]?.ms).toBe(5000);
    timer.pending[2]?.callback();
    await expect(never).resolves.toEqual({ kind: 'timed_out', afterMs: 5000 });
  });

  it('waits 5 s by default', () => {
    expect(QUIT_TIME_LIMIT_MS).toBe(5000);
  });

  it('tells the person about a failed or unfinished save, and exits with an error then', () => {
    expect(finalSaveReport({ kind: 'saved' })).toBeNull();
    expect(finalSaveReport({ kind: 'failed', error: new Error('EACCES: permission denied') })).toMatchObject({
      title: 'The watch list was not saved',
      content: expect.stringContaining('EACCES: permission denied') as unknown,
      exitCode: 1,
    });
    expect(finalSaveReport({ kind: 'timed_out', afterMs: 5000 } satisfies FinalSave)?.content).toContain(
      '5 s',
    );
  });

  it('hides the window on close until the app is quitting, then lets it close', () => {
    const window = Object.assign(new EventEmitter(), { hide: vi.fn() });
    const state = { quitting: false };
    hideOnClose(window as unknown as BrowserWindow, state);
    const first = electronEvent();
    window.emit('close', first);
    expect(first.defaultPrevented).toBe(true);
    expect(window.hide).toHaveBeenCalledTimes(1);
    state.quitting = true;
    const second = electronEvent();
    window.emit('close', second);
    expect(second.defaultPrevented).toBe(false);
    expect(window.hide).toHaveBeenCalledTimes(1);
  });

  it('marks quitting before windows close, holds the exit for the save, and shows a failed save first', async () => {
    const app = Object.assign(new EventEmitter(), { exit: vi.fn() });
    const state = { quitting: false };
    const showError = vi.fn();
    installQuit(app as unknown as App, {
      state,
      stop: () => Promise.reject(new Error('disk full')),
      showError,
    });
    app.emit('before-quit', electronEvent());
    expect(state.quitting).toBe(true);
    const willQuit = electronEvent();
    app.emit('will-quit', willQuit);
    expect(willQuit.defaultPrevented).toBe(true);
    await vi.waitFor(() => {
      expect(app.exit).toHaveBeenCalledWith(1);
    });
    expect(showError).toHaveBeenCalledWith(
      'The watch list was not saved',
      expect.stringContaining('disk full'),
    );
    expect(showError.mock.invocationCallOrder[0]).toBeLessThan(app.exit.mock.invocationCallOrder[0] ?? 0);
  });
});

describe('one instance', () => {
  it('quits a second launch without doing any work, and shows the first window on each later launch', () => {
    const show = vi.fn();
    const refused = Object.assign(new EventEmitter(), { requestSingleInstanceLock: () => false });
    expect(installSingleInstance(refused as unknown as App, show)).toBe(false);
    expect(refused.listenerCount('second-instance')).toBe(0);
    const first = Object.assign(new EventEmitter(), { requestSingleInstanceLock: () => true });
    expect(installSingleInstance(first as unknown as App, show)).toBe(true);
    first.emit('second-instance', electronEvent(), [], '/', {});
    expect(show).toHaveBeenCalledTimes(1);
  });
});

describe('waking', () => {
  it('folds wakes closer than 10 s into one', () => {
    expect(MIN_WAKE_GAP_MS).toBe(10_000);
    expect(shouldWake(null, 0)).toBe(true);
    expect(shouldWake(1_000, 1_000 + MIN_WAKE_GAP_MS - 1)).toBe(false);
    expect(shouldWake(1_000, 1_000 + MIN_WAKE_GAP_MS)).toBe(true);
    expect(shouldWake(1_000, 1_000 + MIN_WAKE_GAP_MS + 1)).toBe(true);
  });

  it('notices the network coming back, not staying up or going down', () => {
    expect(cameOnline(false, true)).toBe(true);
    expect(cameOnline(true, true)).toBe(false);
    expect(cameOnline(true, false)).toBe(false);
    expect(cameOnline(false, false)).toBe(false);
  });

  it('wakes the engine on resume and unlock, once per gap, and stops listening when undone', () => {
    const powerMonitor = new EventEmitter();
    const wake = vi.fn();
    let now = 0;
    const stop = installWakeChecks({
      powerMonitor: powerMonitor as unknown as PowerMonitor,
      isOnline: () => true,
      wake,
      now: () => now,
    });
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(wake).toHaveBeenCalledTimes(1);
    now = MIN_WAKE_GAP_MS;
    powerMonitor.emit('unlock-screen');
    expect(wake).toHaveBeenCalledTimes(2);
    stop();
    now = 10 * MIN_WAKE_GAP_MS;
    powerMonitor.emit('resume');
    expect(wake).toHaveBeenCalledTimes(2);
  });
});

describe('a failed start', () => {
  it('names the cause in an error dialog and exits, never leaving an invisible process', async () => {
    const showErrorBox = vi.fn();
    const exit = vi.fn();
    await runStartup(
      () => Promise.reject(new Error('EACCES: /home/x/.config is read-only')),
      {
        app: { exit },
        dialog: { showErrorBox },
      },
      () => undefined,
    );
    expect(showErrorBox).toHaveBeenCalledWith(
      'SMSBAT Delivery Monitor could not start',
      expect.stringContaining('EACCES: /home/x/.config is read-only'),
    );
    expect(exit).toHaveBeenCalledWith(1);
    expect(startupFailureText('plain words').content).toContain('plain words');
  });
});
