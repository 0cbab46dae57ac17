import {
  ProfileError,
  readProfileFile,
  startSimulator,
  startWebhookPoster,
  type DeliveryProfile,
  type MessageTimeline,
  type RunningSimulator,
} from '../../core/simulator';
import type { SimulatorWebhookArgs } from '../webhook-args';
import type { SimulateArgs } from '../args';
import type { CliIo } from '../io';
import { jsonLine } from '../json-output';
import { UsageError } from '../usage-error';

/** Ids that show each simulated outcome, for the hint `simulate` prints. */
export const SAMPLE_WATCH_IDS = [
  'fast-viber-1',
  'fast-fallback-2',
  'fast-sms-3',
  'undeliverable-sms-4',
  'missing-5',
];

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Starts the simulator, turning "port in use" and similar into a `UsageError` that says what to change. */
export async function startSimulatorFor(
  options: Parameters<typeof startSimulator>[0] & { readonly host: string; readonly port: number },
): Promise<RunningSimulator> {
  try {
    return await startSimulator(options);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'EADDRINUSE') {
      throw new UsageError(
        `Port ${options.port} on ${options.host} is already in use; choose another with --port (or --port 0 for any free port).`,
        'simulate',
      );
    }
    if (code === 'EACCES') {
      throw new UsageError(
        `Not allowed to listen on port ${options.port}; use a port above 1023, e.g. --port 8787.`,
        'simulate',
      );
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      throw new UsageError(
        `Cannot listen on host ${JSON.stringify(options.host)}; use --host 127.0.0.1.`,
        'simulate',
      );
    }
    throw error;
  }
}

/** The lines `simulate` prints: where it listens, the demo credentials, and how to point the CLI at it. */
export function formatSimulatorIntro(
  url: string,
  seed: number,
  credentials: RunningSimulator['simulator']['credentials'],
): string {
  return [
    `SMSBAT simulator listening on ${url} (seed ${seed})`,
    '',
    'Demo credentials (they open only this simulator; they are not secrets):',
    `  API key:  ${credentials.apiKey}   (X-Authorization-Key header, or HTTP Basic "@:${credentials.apiKey}")`,
    `  Login:    ${credentials.username} / ${credentials.password}   (HTTP Basic)`,
    '',
    'Point the CLI at it from another terminal:',
    `  SMSBAT_BASE_URL=${url} SMSBAT_API_KEY=${credentials.apiKey} smsbat-monitor watch ${SAMPLE_WATCH_IDS.join(' ')}`,
    '',
    'Id prefixes pick the outcome: missing- (404), fast-, late-, undeliverable-, permanenterror-, stuck-;',
    'and the channel: sms-, viber-, fallback- (Viber, then SMS). Combine them, e.g. fast-viber-42; any other id',
    'gets a random but repeatable outcome (the same for the same --seed).',
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

/**
 * What is wrong with the profile file at `path`, naming the file once: "FILE: the field F must be ..." or
 * "FILE: is not valid JSON (Unexpected token ...)", without the parser repeating the text or "not valid JSON".
 */
export function profileProblem(path: string, error: ProfileError): string {
  const reason = error.reason.replace(/, ".*" is not valid JSON\)$/s, ')');
  if (!error.field.startsWith(path) || error.field === path) return `${path}: ${reason}`;
  const field = error.field.slice(path.length).replace(/^\./, '');
  return `${path}: the field ${field} ${reason}.`;
}

/** The receiver's URL with its secret path hidden, for what `simulate` prints. */
export function redactWebhookUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}/…`;
}

/** The line `simulate` prints about its webhooks: where they go and the faults asked for. */
export function describeWebhookPosting(webhooks: SimulatorWebhookArgs): string {
  const { lossRate, duplicateRate, maxDelayMs, reorderRate } = webhooks.faults;
  const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
  return (
    `Posting webhooks to ${redactWebhookUrl(webhooks.url)} when messages change: ${percent(lossRate)} lost, ` +
    `${percent(duplicateRate)} sent twice, up to ${maxDelayMs} ms late, ${percent(reorderRate)} out of order` +
    `${webhooks.hostile ? ', with a hostile request after each' : ''}.\n\n`
  );
}

/** The delivery profile `--profile` names (undefined for the default), or a `UsageError` naming the bad field. */
export function profileFor(args: SimulateArgs): DeliveryProfile | undefined {
  if (args.profilePath === null) return undefined;
  try {
    return readProfileFile(args.profilePath);
  } catch (error) {
    if (error instanceof ProfileError) {
      throw new UsageError(`--profile ${profileProblem(args.profilePath, error)}`, 'simulate');
    }
    throw error;
  }
}

/** `smsbat-monitor simulate`: serves the SMSBAT simulator until Ctrl-C or SIGTERM, then stops cleanly (exit 0). */
export async function runSimulate(args: SimulateArgs, io: CliIo): Promise<number> {
  const profile = profileFor(args);
  let stopRequested: (() => void) | null = null;
  const stopped = new Promise<void>((resolve) => {
    stopRequested = resolve;
  });
  const offSignal = io.onSignal(() => stopRequested?.());
  try {
    const poster =
      args.webhooks === null
        ? null
        : startWebhookPoster({
            url: args.webhooks.url,
            faults: args.webhooks.faults,
            hostile: args.webhooks.hostile,
            seed: args.seed,
          });
    const running = await startSimulatorFor({
      host: args.host,
      port: args.port,
      seed: args.seed,
      ...(profile === undefined ? {} : { profile }),
      ...(poster === null
        ? {}
        : {
            onTimelineStarted: (timeline: MessageTimeline, startedAt: number) => {
              poster.schedule(timeline, startedAt);
            },
          }),
    }).catch(async (error: unknown) => {
      await poster?.close();
      throw error;
    });
    const { credentials } = running.simulator;
    if (args.json) {
      io.stdout.write(
        jsonLine({
          type: 'simulator',
          url: running.url,
          seed: args.seed,
          profile: args.profilePath,
          credentials,
          env: { SMSBAT_BASE_URL: running.url, SMSBAT_API_KEY: credentials.apiKey },
        }),
      );
    } else {
      io.stdout.write(formatSimulatorIntro(running.url, args.seed, credentials));
      if (args.webhooks !== null) io.stdout.write(describeWebhookPosting(args.webhooks));
      if (!LOOPBACK_HOSTS.has(args.host)) {
        io.stderr.write(
          `Note: listening on ${args.host} makes the simulator reachable from other machines on the network.\n`,
        );
      }
    }
    await stopped;
    await running.close();
    await poster?.close();
    if (!args.json) {
      if (poster !== null) {
        const stats = poster.stats();
        io.stdout.write(
          `Webhooks: ${stats.delivered} accepted, ${stats.failed} refused or lost on the way, ${stats.hostile} hostile requests sent.\n`,
        );
      }
      io.stdout.write('Simulator stopped.\n');
    }
    return 0;
  } finally {
    offSignal();
  }
}
