/**
 * The stand-in as one module for `vi.mock('electron', ...)` in unit tests: the main-process API, plus the renderer
 * side (`ipcRenderer`, `contextBridge`) of one page, whose calls reach `ipcMain` with the event the test sets.
 */
import { Page } from './page';

export * from './index';

/** The event the next `ipcRenderer.invoke` of the test page arrives with (who the sender is). */
export const sender: { event: unknown } = { event: {} };

/** The one page whose preload the unit tests run (import the preload after mocking `electron` with this). */
export const testPage = new Page({ id: 1, invokeEvent: () => sender.event }, 'app://monitor/');

/** The test page's `ipcRenderer`. */
export const ipcRenderer = testPage.ipcRenderer;

/** The test page's `contextBridge`. */
export const contextBridge = testPage.contextBridge;
