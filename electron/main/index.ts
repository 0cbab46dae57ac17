import { app, BrowserWindow } from 'electron';
import { createHostEngine } from '../host/create-host-engine';
import { startHostServices } from '../host/host-services';
import { registerContractIpc, sendContractEvent } from './ipc-main';
import { showNotification } from './show-notification';
import { trustedSenderCheck } from './trusted-sender';
import { createWindow, DEV_SERVER_URL, WINDOW_FILE_URL } from './window';

/** The Electron host: the shared host services, the contract over IPC, one window, OS notifications. */
async function main(): Promise<void> {
  await app.whenReady();
  const services = await startHostServices({
    dataDir: app.getPath('userData'),
    env: process.env,
    createEngine: createHostEngine,
    onProblem: (message) => {
      console.error(message);
    },
  });
  services.subscribe(showNotification);
  registerContractIpc(services.handlers, {
    isTrustedSender: trustedSenderCheck(
      () => BrowserWindow.getAllWindows().map((window) => window.webContents),
      { fileUrl: WINDOW_FILE_URL, devUrl: DEV_SERVER_URL },
    ),
    onHandlerError: (name, error) => {
      console.error(`${name} failed:`, error);
    },
  });
  const openWindow = (): void => {
    const window = createWindow();
    window.webContents.on('did-finish-load', () => {
      const unsubscribe = services.subscribe((message) => {
        sendContractEvent(window.webContents, message);
      });
      window.webContents.once('did-start-navigation', unsubscribe);
      window.once('closed', unsubscribe);
    });
  };
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.once('will-quit', (event) => {
    event.preventDefault();
    void services.stop().finally(() => {
      app.exit(0);
    });
  });
}

void main();
