import { parseArgs } from 'node:util';
import { SMSBAT_STATUS_RATE_LIMIT } from '../core/poll-scheduler';
import { UsageError } from './usage-error';
import { MAX_WEBHOOK_DELAY_MS, parseSimulatorWebhooks, type SimulatorWebhookArgs } from './webhook-args';

/** The commands `smsbat-monitor` runs. */
export const COMMAND_NAMES = ['check', 'watch', 'simulate', 'demo', 'profile'] as const;

/** One of {@link COMMAND_NAMES}. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** SMSBAT's documented limit for the status endpoint, in requests per second. */
export const MAX_RATE = SMSBAT_STATUS_RATE_LIMIT;

/** Requests per second when `--rate` is not given. */
export const DEFAULT_RATE = 10;

/** How long `demo` runs when `--timeout` is not given, in seconds. */
export const DEFAULT_DEMO_TIMEOUT_SECONDS = 90;

/** The longest `--timeout` / `--deadline`, in seconds (the longest delay a Node timer supports). */
export const MAX_SECONDS = 2_147_483;

/** How many 404s a just-sent id is forgiven by `watch` unless `--not-found-retries` says otherwise. */
export const DEFAULT_NOT_FOUND_RETRIES = 3;

/** The port `simulate` listens on unless `--port` says otherwise. */
export const DEFAULT_SIMULATOR_PORT = 8787;

/** What `check` was asked to do. `idTokens` are raw arguments, parsed later with `parseMessageIds`. */
export interface CheckArgs {
  readonly command: 'check';
  readonly idTokens: readonly string[];
  readonly baseUrl: string | null;
  readonly rate: number;
  readonly timeoutSeconds: number | null;
  readonly json: boolean;
}

/** What `watch` was asked to do. */
export interface WatchArgs extends Omit<CheckArgs, 'command'> {
  readonly command: 'watch';
  readonly label: string | null;
  readonly deadlineSeconds: number | null;
  readonly notFoundRetries: number;
  /** Receive SMSBAT's webhooks on this port (`--webhook-port`), or null for polling only. */
  readonly webhookPort: number | null;
  /** The address the webhook receiver listens on. @default '127.0.0.1' */
  readonly webhookHost: string;
}

/** What `simulate` was asked to do. */
export interface SimulateArgs {
  readonly command: 'simulate';
  readonly host: string;
  readonly port: number;
  readonly seed: number;
  /** A delivery profile JSON file (`--profile`), or null for the simulator's default profile. */
  readonly profilePath: string | null;
  readonly json: boolean;
  /** Post webhooks to the monitor's receiver (`--webhook-url` and its fault options), or null. */
  readonly webhooks: SimulatorWebhookArgs | null;
}

/** What `demo` was asked to do. */
export interface DemoArgs {
  readonly command: 'demo';
  readonly rate: number;
  readonly timeoutSeconds: number;
  readonly seed: number;
  readonly json: boolean;
}

/** What `profile` was asked to do. */
export interface ProfileArgs {
  readonly command: 'profile';
  /** The saved profile to read (`--profile-file`), or null for the one in the monitor's data directory. */
  readonly profileFile: string | null;
  readonly json: boolean;
}

/** A fully validated command line. */
export type CliArgs =
  | { readonly command: 'help'; readonly topic: CommandName | null }
  | { readonly command: 'version' }
  | CheckArgs
  | WatchArgs
  | SimulateArgs
  | DemoArgs
  | ProfileArgs;

interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The commands that accept it; every command when absent. */
  readonly commands?: readonly CommandName[];
}

const OPTION_SPECS = {
  'base-url': { type: 'string', commands: ['check', 'watch'] },
  rate: { type: 'string', commands: ['check', 'watch', 'demo'] },
  timeout: { type: 'string', commands: ['check', 'watch', 'demo'] },
  json: { type: 'boolean' },
  label: { type: 'string', commands: ['watch'] },
  deadline: { type: 'string', commands: ['watch'] },
  'not-found-retries': { type: 'string', commands: ['watch'] },
  host: { type: 'string', commands: ['simulate'] },
  port: { type: 'string', commands: ['simulate'] },
  seed: { type: 'string', commands: ['simulate', 'demo'] },
  profile: { type: 'string', commands: ['simulate'] },
  'profile-file': { type: 'string', commands: ['profile'] },
  'webhook-port': { type: 'string', commands: ['watch'] },
  'webhook-host': { type: 'string', commands: ['watch'] },
  'webhook-url': { type: 'string', commands: ['simulate'] },
  'webhook-loss': { type: 'string', commands: ['simulate'] },
  'webhook-duplicates': { type: 'string', commands: ['simulate'] },
  'webhook-delay-ms': { type: 'string', commands: ['simulate'] },
  'webhook-reorder': { type: 'string', commands: ['simulate'] },
  'webhook-hostile': { type: 'boolean', commands: ['simulate'] },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies Readonly<Record<string, OptionSpec>>;

type OptionName = keyof typeof OPTION_SPECS;

/** Option names that would carry a secret; refused so credentials never land in shell history or `ps`. */
const SECRET_OPTIONS: ReadonlySet<string> = new Set([
  'api-key',
  'apikey',
  'api_key',
  'key',
  'password',
  'pass',
  'passwd',
  'username',
  'user',
  'login',
  'token',
  'secret',
  'auth',
  'authorization',
  'x-authorization-key',
  'credentials',
]);

const LABEL_MAX_LENGTH = 100;
/** A decimal number as people type it: an optional sign, digits with an optional fraction, an optional exponent. */
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** An option value that is a negative number (`--timeout -5`), not the next option. */
const NEGATIVE_NUMBER_PATTERN = /^-(?:\d|\.\d)/;

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTION_SPECS, name);
}

function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

/**
 * Parses and validates the arguments after `smsbat-monitor` (no I/O). Throws a `UsageError` naming the problem
 * and the fix; an error never repeats the value of a refused credential option.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  refuseSecretOptions(argv);
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTION_SPECS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const positionals: string[] = [];
  const values = new Map<OptionName, string | boolean>();
  const seen: { readonly name: OptionName; readonly rawName: string }[] = [];
  let commandToken: string | null = null;

  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (commandToken === null) commandToken = token.value;
      else positionals.push(token.value);
      continue;
    }
    const rawName = token.rawName;
    if (!isOptionName(token.name)) throw unknownOption(rawName, commandToken);
    const spec: OptionSpec = OPTION_SPECS[token.name];
    if (spec.type === 'boolean') {
      if (token.value !== undefined) {
        throw new UsageError(
          `${rawName} does not take a value; write just ${rawName}.`,
          commandOrNull(commandToken),
        );
      }
      values.set(token.name, true);
    } else {
      const looksLikeOption =
        !token.inlineValue &&
        token.value?.startsWith('-') === true &&
        !NEGATIVE_NUMBER_PATTERN.test(token.value);
      if (token.value === undefined || looksLikeOption) {
        throw new UsageError(
          `${rawName} needs a value, e.g. ${example(token.name)}.`,
          commandOrNull(commandToken),
        );
      }
      values.set(token.name, token.value);
    }
    seen.push({ name: token.name, rawName });
  }

  const command = commandToken;
  if (command === 'help') {
    const topic = positionals[0];
    if (topic === undefined) return { command: 'help', topic: null };
    if (!isCommandName(topic)) throw unknownCommand(topic);
    return { command: 'help', topic };
  }
  if (command !== null && !isCommandName(command)) throw unknownCommand(command);
  if (values.get('help') === true) return { command: 'help', topic: command };
  if (values.get('version') === true) return { command: 'version' };
  if (command === null) {
    throw new UsageError(
      'No command given. Use one of: check, watch, simulate, demo, profile (try `smsbat-monitor demo` to see it work).',
    );
  }

  for (const { name, rawName } of seen) {
    const commands: readonly CommandName[] | undefined = (OPTION_SPECS[name] as OptionSpec).commands;
    if (commands !== undefined && !commands.includes(command)) {
      const owners = commands.map((owner) => `\`${owner}\``).join(' and ');
      throw new UsageError(`${rawName} is an option of ${owners}, not of \`${command}\`.`, command);
    }
  }

  const text = (name: OptionName): string | undefined => {
    const value = values.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const json = values.get('json') === true;

  switch (command) {
    case 'check':
    case 'watch': {
      const common = {
        idTokens: positionals,
        baseUrl: parseBaseUrlArg(text('base-url'), command),
        rate: parseRate(text('rate'), command),
        timeoutSeconds: parseOptionalSeconds('--timeout', text('timeout'), command),
        json,
      };
      if (command === 'check') return { command, ...common };
      return {
        command,
        ...common,
        label: parseLabel(text('label')),
        deadlineSeconds: parseOptionalSeconds('--deadline', text('deadline'), command),
        notFoundRetries: parseInteger('--not-found-retries', text('not-found-retries'), command, {
          fallback: DEFAULT_NOT_FOUND_RETRIES,
          min: 0,
          max: 20,
        }),
        webhookPort:
          text('webhook-port') === undefined
            ? null
            : parseInteger('--webhook-port', text('webhook-port'), command, {
                fallback: 0,
                min: 1,
                max: 65_535,
              }),
        webhookHost: parseHost(text('webhook-host'), command, '--webhook-host'),
      };
    }
    case 'simulate':
      refusePositionals(command, positionals);
      return {
        command,
        host: parseHost(text('host')),
        port: parseInteger('--port', text('port'), command, {
          fallback: DEFAULT_SIMULATOR_PORT,
          min: 0,
          max: 65_535,
        }),
        seed: parseInteger('--seed', text('seed'), command, {
          fallback: 1,
          min: 0,
          max: Number.MAX_SAFE_INTEGER,
        }),
        profilePath: text('profile')?.trim() || null,
        json,
        webhooks: parseSimulatorWebhooks(
          text,
          (name) => values.get(name) === true,
          parseInteger('--webhook-delay-ms', text('webhook-delay-ms'), command, {
            fallback: 0,
            min: 0,
            max: MAX_WEBHOOK_DELAY_MS,
          }),
        ),
      };
    case 'demo':
      refusePositionals(command, positionals);
      return {
        command,
        rate: parseRate(text('rate'), command),
        timeoutSeconds:
          parseOptionalSeconds('--timeout', text('timeout'), command) ?? DEFAULT_DEMO_TIMEOUT_SECONDS,
        seed: parseInteger('--seed', text('seed'), command, {
          fallback: 1,
          min: 0,
          max: Number.MAX_SAFE_INTEGER,
        }),
        json,
      };
    case 'profile':
      refusePositionals(command, positionals);
      return { command, profileFile: text('profile-file')?.trim() || null, json };
  }
}

/** Refuses any option that looks like a credential, before anything else could echo its value. */
function refuseSecretOptions(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === '--') return;
    if (!arg.startsWith('--')) continue;
    const name = arg.slice(2).split('=', 1)[0]?.toLowerCase() ?? '';
    if (SECRET_OPTIONS.has(name)) {
      throw new UsageError(
        `--${name} is not accepted: credentials are read only from the environment, so they never end up in ` +
          'shell history or process lists. Set SMSBAT_API_KEY (or SMSBAT_USERNAME and SMSBAT_PASSWORD) instead, ' +
          'e.g. `export SMSBAT_API_KEY=...` before running smsbat-monitor.',
      );
    }
  }
}

function commandOrNull(command: string | null): string | null {
  return command !== null && isCommandName(command) ? command : null;
}

function unknownOption(rawName: string, command: string | null): UsageError {
  const bare = rawName.replace(/^-+/, '');
  const suggestion = closest(bare, Object.keys(OPTION_SPECS));
  const hint = suggestion === null ? '' : ` Did you mean --${suggestion}?`;
  const where = commandOrNull(command);
  const helpHint = where === null ? 'smsbat-monitor --help' : `smsbat-monitor ${where} --help`;
  return new UsageError(`Unknown option ${rawName}.${hint} See \`${helpHint}\` for the options.`, where);
}

function unknownCommand(command: string): UsageError {
  const suggestion = closest(command, COMMAND_NAMES);
  const hint = suggestion === null ? '' : ` Did you mean \`${suggestion}\`?`;
  return new UsageError(
    `Unknown command ${JSON.stringify(command)}.${hint} Commands: ${COMMAND_NAMES.join(', ')}.`,
  );
}

function refusePositionals(command: CommandName, positionals: readonly string[]): void {
  if (positionals.length === 0) return;
  throw new UsageError(
    `\`${command}\` takes no message ids or other arguments (got ${JSON.stringify(positionals[0])}).`,
    command,
  );
}

function example(name: OptionName): string {
  const examples: Partial<Record<OptionName, string>> = {
    'base-url': '--base-url https://restapi.smsbat.com',
    rate: '--rate 5',
    timeout: '--timeout 120',
    label: '--label "Black Friday"',
    deadline: '--deadline 30',
    'not-found-retries': '--not-found-retries 0',
    host: '--host 127.0.0.1',
    port: '--port 8787',
    seed: '--seed 42',
  };
  return examples[name] ?? `--${name} <value>`;
}

function parseBaseUrlArg(raw: string | undefined, command: CommandName): string | null {
  if (raw === undefined) return null;
  if (raw.trim() === '') {
    throw new UsageError(
      "--base-url is empty; give SMSBAT's address, e.g. --base-url https://restapi.smsbat.com.",
      command,
    );
  }
  return raw.trim();
}

/** Parses `--rate`: requests per second, above 0 and at most SMSBAT's limit of 50. */
export function parseRate(raw: string | undefined, command: CommandName | null = null): number {
  if (raw === undefined) return DEFAULT_RATE;
  const value = parseNumber('--rate', raw, command, 'requests per second', '--rate 5');
  if (value <= 0) {
    throw new UsageError(`--rate must be above 0 requests per second (got ${raw}); e.g. --rate 5.`, command);
  }
  if (value > MAX_RATE) {
    throw new UsageError(
      `--rate ${raw} is above SMSBAT's limit of ${MAX_RATE} status requests per second; use --rate ${MAX_RATE} or less.`,
      command,
    );
  }
  return value;
}

/** Parses a positive number of seconds (`--timeout`, `--deadline`); undefined when the option was not given. */
export function parseOptionalSeconds(
  option: string,
  raw: string | undefined,
  command: CommandName | null = null,
): number | null {
  if (raw === undefined) return null;
  const value = parseNumber(option, raw, command, 'seconds', `${option} 60`);
  if (value <= 0 || value > MAX_SECONDS) {
    throw new UsageError(
      `${option} must be more than 0 and at most ${MAX_SECONDS} seconds (got ${raw}).`,
      command,
    );
  }
  return value;
}

function parseNumber(
  option: string,
  raw: string,
  command: CommandName | null,
  unit: string,
  sample: string,
): number {
  const trimmed = raw.trim();
  if (!NUMBER_PATTERN.test(trimmed)) {
    throw new UsageError(
      `${option} ${JSON.stringify(raw)} is not a number of ${unit}; write it like ${sample}.`,
      command,
    );
  }
  return Number(trimmed);
}

interface IntegerRange {
  readonly fallback: number;
  readonly min: number;
  readonly max: number;
}

/** Parses a whole number option within a range; the fallback when it was not given. */
export function parseInteger(
  option: string,
  raw: string | undefined,
  command: CommandName | null,
  range: IntegerRange,
): number {
  if (raw === undefined) return range.fallback;
  const trimmed = raw.trim();
  const value = NUMBER_PATTERN.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new UsageError(
      `${option} must be a whole number from ${range.min} to ${range.max} (got ${JSON.stringify(raw)}).`,
      command,
    );
  }
  return value;
}

function parseLabel(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const label = raw.trim();
  if (label === '') return null;
  if (label.length > LABEL_MAX_LENGTH) {
    throw new UsageError(
      `--label is ${label.length} characters long; keep it to ${LABEL_MAX_LENGTH} or fewer.`,
      'watch',
    );
  }
  return label;
}

function parseHost(raw: string | undefined, command: CommandName = 'simulate', option = '--host'): string {
  if (raw === undefined) return '127.0.0.1';
  const host = raw.trim();
  if (host === '' || /[\s/]/.test(host)) {
    throw new UsageError(
      `${option} ${JSON.stringify(raw)} is not a host name or address; e.g. ${option} 127.0.0.1.`,
      command,
    );
  }
  return host;
}

/** The candidate closest to `word` by edit distance (at most 2 edits, or a prefix of it), or null. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = candidate.startsWith(word) && word.length >= 2 ? 1 : editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= 2 ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
