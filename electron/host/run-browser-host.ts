import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserHostArgs } from './browser-host-args';
import { defaultDataDir } from './data-dir';
import { acquireDataDirLock } from './data-dir-lock';
import type { HostEngineFactory } from './engine-port';
import { startHostServices } from './host-services';
import { createKeychainSecretStore, KEYCHAIN_SERVICES } from './keychain-secret-store';
import { startBrowserHost, type RunningBrowserHost } from './loopback/browser-host';
import { openInBrowser } from './open-in-browser';

/** What the browser host runs with. */
export interface RunBrowserHostOptions {
  readonly args: BrowserHostArgs;
  /** The built window (`out/renderer`). */
  readonly rendererDir: string;
  readonly createEngine: HostEngineFactory;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where the one URL line and problems go. */
  readonly print: (line: string) => void;
  readonly printError: (line: string) => void;
}

/** A running browser host with its engine; `stop()` ends both. */
export interface BrowserHostRun {
  readonly host: RunningBrowserHost;
  stop(): Promise<void>;
}

/**
 * Runs the engine and serves the built window on loopback: prints one line with the URL (carrying the run's
 * token in its `#token=` fragment, which browsers never send to a server) and opens it in a browser when one is
 * available.
 */
export async function runBrowserHost(options: RunBrowserHostOptions): Promise<BrowserHostRun> {
  const { args, print, printError } = options;
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new Error(
      `The window is not built (${options.rendererDir} has no index.html): run \`npm run build\` first.`,
    );
  }
  const dataDir = args.dataDir ?? defaultDataDir(options.env);
  // Throws, with the one line that names the monitor already running on this folder.
  const lock = await acquireDataDirLock(dataDir);
  let services;
  try {
    services = await startHostServices({
      dataDir,
      env: options.env,
      createEngine: options.createEngine,
      // Run from a source checkout: the development keychain service, never the released app's credentials.
      secretStore: createKeychainSecretStore({
        service: KEYCHAIN_SERVICES.development,
        onProblem: printError,
      }),
      onProblem: printError,
    });
  } catch (error) {
    await lock.release();
    throw error;
  }
  let host: RunningBrowserHost;
  try {
    host = await startBrowserHost({
      handlers: services.handlers,
      subscribe: (listener) => services.subscribe(listener),
      rendererDir: options.rendererDir,
      port: args.port,
      onHandlerError: (name, error) => {
        printError(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    });
  } catch (error) {
    await services.stop();
    await lock.release();
    throw error;
  }
  await lock.setPort(host.port);
  print(`SMSBAT Delivery Monitor: open ${host.url}`);
  if (args.open) await openInBrowser(host.url);
  return {
    host,
    async stop() {
      await host.close();
      await services.stop();
      await lock.release();
    },
  };
}
