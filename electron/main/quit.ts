import type { App, BrowserWindow } from 'electron';

/** Whether the app is on its way out (set in `before-quit`): until then, closing the window only hides it. */
export interface QuitState {
  quitting: boolean;
}

/** How the last save ended when quitting. */
export type FinalSave =
  | { readonly kind: 'saved' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'timed_out'; readonly afterMs: number };

/** How long quitting waits for the last save. @default 5000 */
export const QUIT_TIME_LIMIT_MS = 5000;

/** Waits for `work` at most `timeLimitMs`; never throws. */
export async function finishWithin(
  work: () => Promise<void>,
  timeLimitMs: number,
  setTimer: (callback: () => void, ms: number) => () => void,
): Promise<FinalSave> {
  let cancel = (): void => undefined;
  const timeout = new Promise<FinalSave>((resolve) => {
    cancel = setTimer(() => {
      resolve({ kind: 'timed_out', afterMs: timeLimitMs });
    }, timeLimitMs);
  });
  const done = work().then(
    (): FinalSave => ({ kind: 'saved' }),
    (error: unknown): FinalSave => ({ kind: 'failed', error }),
  );
  try {
    return await Promise.race([done, timeout]);
  } finally {
    cancel();
  }
}

/** What a person is told when the last save did not finish (null when it did), and the exit code. */
export function finalSaveReport(
  save: FinalSave,
): { readonly title: string; readonly content: string; readonly exitCode: number } | null {
  switch (save.kind) {
    case 'saved':
      return null;
    case 'failed':
      return {
        title: 'The watch list was not saved',
        content: `Saving before quitting failed: ${save.error instanceof Error ? save.error.message : String(save.error)}\nChanges since the last save are lost; the list saved before then is kept.`,
        exitCode: 1,
      };
    case 'timed_out':
      return {
        title: 'The watch list was not saved',
        content: `Saving before quitting took longer than ${Math.round(save.afterMs / 1000)} s and was given up.\nChanges since the last save may be lost.`,
        exitCode: 1,
      };
  }
}

/** Closing the window hides it (the app lives on in the tray) unless the app is quitting. */
export function hideOnClose(window: BrowserWindow, state: QuitState): void {
  window.on('close', (event) => {
    if (state.quitting) return;
    event.preventDefault();
    window.hide();
  });
}

/** What quitting needs. */
export interface QuitOptions {
  readonly state: QuitState;
  /** Saves everything and stops the engine. */
  readonly stop: () => Promise<void>;
  /** Shows a failed last save before the app exits. */
  readonly showError: (title: string, content: string) => void;
  /** @default {@link QUIT_TIME_LIMIT_MS} */
  readonly timeLimitMs?: number;
}

/**
 * Quitting: `before-quit` marks the app as quitting (so closing windows really closes them); `will-quit` waits for
 * the last save (within the time limit), shows a failure in a dialog, then exits.
 */
export function installQuit(app: Pick<App, 'on' | 'once' | 'exit'>, options: QuitOptions): void {
  app.on('before-quit', () => {
    options.state.quitting = true;
  });
  app.once('will-quit', (event) => {
    event.preventDefault();
    void finishWithin(options.stop, options.timeLimitMs ?? QUIT_TIME_LIMIT_MS, (callback, ms) => {
      const timer = setTimeout(callback, ms);
      return () => {
        clearTimeout(timer);
      };
    }).then((save) => {
      const report = finalSaveReport(save);
      if (report !== null) options.showError(report.title, report.content);
      app.exit(report?.exitCode ?? 0);
    });
  });
}
