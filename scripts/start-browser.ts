import { join } from 'node:path';
import { BROWSER_HOST_USAGE, parseBrowserHostArgs } from '../electron/host/browser-host-args';
import { createHostEngine } from '../electron/host/create-host-engine';
import { runBrowserHost } from '../electron/host/run-browser-host';
import { explainStartFailure } from './start-failure';

/** `npm run start:browser`: the engine and the built window on 127.0.0.1, until Ctrl-C. */
export async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseBrowserHostArgs(argv);
  } catch (error) {
    process.stderr.write(
      `${error instanceof Error ? error.message : String(error)}\n${BROWSER_HOST_USAGE}\n`,
    );
    return 3;
  }
  if (args.help) {
    process.stdout.write(`${BROWSER_HOST_USAGE}\n`);
    return 0;
  }
  let run;
  try {
    run = await runBrowserHost({
      args,
      rendererDir: join(import.meta.dirname, '..', 'out', 'renderer'),
      createEngine: createHostEngine,
      env: process.env,
      print: (line) => process.stdout.write(`${line}\n`),
      printError: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (error) {
    process.stderr.write(`${explainStartFailure(error, args.port)}\n`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await run.stop();
  return 0;
}

if (process.argv[1] === import.meta.filename) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
