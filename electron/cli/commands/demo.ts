import { SmsbatClient } from '../../core/client';
import type { DemoArgs } from '../args';
import { DEMO_IDS, DEMO_TIME_SCALE } from '../demo-ids';
import type { CliIo } from '../io';
import { demoExitCode } from '../outcome';
import { reportWatchEnd } from '../watch-report';
import { runWatchSession } from '../watch-session';
import { startSimulatorFor } from './simulate';

/** Polling tuned for the demo's sped-up simulator: quick first re-checks, short backoff. */
const DEMO_ENGINE_TUNING = {
  initialIntervalMs: 2_000,
  backoffFactor: 1.5,
  maxIntervalMs: 8_000,
  notFoundRetries: 1,
} as const;

/**
 * `smsbat-monitor demo`: starts the simulator in process on a free loopback port, with time running faster, and
 * watches the demo ids on it with the `watch` output. Needs no account or configuration. Exit code: see
 * `demoExitCode`.
 */
export async function runDemo(args: DemoArgs, io: CliIo): Promise<number> {
  const running = await startSimulatorFor({
    host: '127.0.0.1',
    port: 0,
    seed: args.seed,
    timeScale: 1 / DEMO_TIME_SCALE,
    latencyMs: 40,
  });
  const credentials = running.simulator.credentials;
  const client = new SmsbatClient({
    baseUrl: running.url,
    credentials: { method: 'api-key-header', apiKey: credentials.apiKey },
  });
  try {
    if (!args.json) {
      io.stdout.write(
        [
          `Demo: watching ${DEMO_IDS.length} messages on a local SMSBAT simulator at ${running.url}.`,
          `Nothing leaves this machine; simulated time runs ${DEMO_TIME_SCALE}x faster. Ctrl-C stops it.`,
          '',
          '',
        ].join('\n'),
      );
    }
    const result = await runWatchSession({
      io,
      client,
      ids: DEMO_IDS,
      label: 'demo',
      deadlineSeconds: null,
      timeoutSeconds: args.timeoutSeconds,
      json: args.json,
      engine: { ...DEMO_ENGINE_TUNING, baseUrl: running.url, maxRequestsPerSecond: args.rate },
    });
    const exitCode = reportWatchEnd(io, result, {
      json: args.json,
      label: null,
      timeoutSeconds: args.timeoutSeconds,
      authFailure: (reason) => `smsbat-monitor: the demo simulator rejected its own credentials: ${reason}\n`,
      wrongBaseUrl: (reason) => `smsbat-monitor: the demo simulator did not answer as expected: ${reason}\n`,
      exitCode: demoExitCode,
    });
    if (!args.json && result.end.reason === 'settled') {
      io.stdout.write(
        [
          '',
          'Next: watch your own messages with',
          '  export SMSBAT_API_KEY=...        # from the SMSBAT cabinet, User Profile',
          '  smsbat-monitor watch <messageId...>',
          `or keep a simulator running with \`smsbat-monitor simulate\`. See \`smsbat-monitor --help\`.`,
          '',
        ].join('\n'),
      );
    }
    return exitCode;
  } finally {
    await client.close();
    await running.close();
  }
}
