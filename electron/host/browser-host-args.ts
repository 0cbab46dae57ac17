import { parseArgs } from 'node:util';

/** What `start:browser` was asked for. */
export interface BrowserHostArgs {
  /** 0: a free port. */
  readonly port: number;
  /** null: the user's config directory. */
  readonly dataDir: string | null;
  readonly open: boolean;
  readonly help: boolean;
}

/** The usage text of `npm run start:browser`. */
export const BROWSER_HOST_USAGE = `Usage: npm run start:browser -- [--port N] [--data-dir DIR] [--no-open]

Serves the monitor's window on http://127.0.0.1 and prints the address to open (it carries this run's token).
  --port N         listen on port N (default: a free port)
  --data-dir DIR   keep settings and the watch list in DIR (default: the user's config directory)
  --no-open        do not open a browser
Credentials in SMSBAT_API_KEY (or SMSBAT_USERNAME + SMSBAT_PASSWORD), SMSBAT_AUTH and SMSBAT_BASE_URL take precedence.`;

/** Parses the launcher's arguments; throws a `TypeError` naming the bad option. */
export function parseBrowserHostArgs(argv: readonly string[]): BrowserHostArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port < 1 || port > 65_535) {
      throw new TypeError(`--port expects a port number from 1 to 65535, got ${JSON.stringify(values.port)}`);
    }
  }
  const dataDir = values['data-dir'];
  if (dataDir === '') throw new TypeError('--data-dir expects a directory, got an empty string');
  return { port, dataDir: dataDir ?? null, open: !values['no-open'], help: values.help };
}
