import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findElectron } from './find-electron';
import { chooseLaunch, electronExitOutcome } from './launch-choice';
import { main as startBrowser } from './start-browser';

/**
 * `npm start`: the Electron app, or, where no Electron binary can be found, where it cannot run (killed at start by
 * the Linux sandbox, no display) or with `--browser`, the browser host serving the same window (said in one line),
 * so the main command always shows the app.
 */
async function main(args: readonly string[]): Promise<number> {
  const choice = chooseLaunch(args, process.env);
  const { argv } = choice;
  if (choice.kind === 'browser') {
    process.stdout.write(`${choice.line}\n`);
    return startBrowser(argv);
  }
  const electron = findElectron(process.env, { download: choice.download });
  if (!electron.found) {
    process.stdout.write(
      `Electron cannot run here (${electron.reason}); starting the browser host instead.\n`,
    );
    return startBrowser(argv);
  }
  const startedAt = performance.now();
  const child = spawn(electron.path, [join(import.meta.dirname, '..'), ...choice.electronArgv], {
    stdio: 'inherit',
  });
  return new Promise((resolve) => {
    child.once('error', (error) => {
      process.stdout.write(
        `Electron could not start (${error.message}); starting the browser host instead.\n`,
      );
      resolve(startBrowser(argv));
    });
    child.once('exit', (code, signal) => {
      const outcome = electronExitOutcome(
        { code, signal, ranMs: performance.now() - startedAt },
        { platform: process.platform, isRoot: process.getuid?.() === 0 },
      );
      if (outcome.kind === 'done') {
        resolve(outcome.code);
        return;
      }
      process.stdout.write(`${outcome.line}\n`);
      resolve(startBrowser(argv));
    });
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
