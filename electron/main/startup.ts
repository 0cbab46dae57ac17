import type { App, Dialog } from 'electron';

/** The title and text of the dialog a failed start shows. */
export function startupFailureText(error: unknown): { readonly title: string; readonly content: string } {
  const cause = error instanceof Error ? error.message : String(error);
  return {
    title: 'SMSBAT Delivery Monitor could not start',
    content: `${cause}\n\nThe app will close. Your watch list and settings were not changed.`,
  };
}

/**
 * Runs the app's start; when it fails, says why in an error dialog (never an invisible process) and exits.
 */
export function runStartup(
  start: () => Promise<void>,
  electron: { readonly app: Pick<App, 'exit'>; readonly dialog: Pick<Dialog, 'showErrorBox'> },
  log: (line: string) => void = (line) => {
    console.error(line);
  },
): Promise<void> {
  return start().catch((error: unknown) => {
    const { title, content } = startupFailureText(error);
    log(`${title}: ${content.split('\n')[0] ?? ''}`);
    electron.dialog.showErrorBox(title, content);
    electron.app.exit(1);
  });
}
