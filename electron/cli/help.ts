import { DEFAULT_BASE_URL } from '../core/client';
import {
  DEFAULT_DEMO_TIMEOUT_SECONDS,
  DEFAULT_NOT_FOUND_RETRIES,
  DEFAULT_RATE,
  DEFAULT_SIMULATOR_PORT,
  MAX_RATE,
  type CommandName,
} from './args';

const CREDENTIALS_HELP = `Credentials (from the environment only; never as arguments, never printed):
  SMSBAT_API_KEY     API key, sent in the X-Authorization-Key header
  SMSBAT_AUTH        basic-api-key: send the key as HTTP Basic "@:<key>" instead
                     (also: api-key-header, basic)
  SMSBAT_USERNAME    cabinet login for HTTP Basic, with SMSBAT_PASSWORD
  SMSBAT_PASSWORD
  SMSBAT_BASE_URL    SMSBAT's address (default ${DEFAULT_BASE_URL}); --base-url wins`;

const CONNECTION_OPTIONS = `  --base-url <url>       SMSBAT's address (default: SMSBAT_BASE_URL, else ${DEFAULT_BASE_URL})
  --rate <n>             status requests per second, above 0 and at most ${MAX_RATE} (default ${DEFAULT_RATE})`;

const TOP_HELP = `smsbat-monitor: check and watch the delivery of SMSBAT SMS and Viber messages.

Usage:
  smsbat-monitor check <id...> [options]      one status check per id, as a table
  smsbat-monitor watch <id...> [options]      follow ids until each is final, printing every change
  smsbat-monitor simulate [options]           run a local SMSBAT simulator to try things against
  smsbat-monitor demo [options]               watch demo messages on a built-in simulator (no setup)
  smsbat-monitor profile [options]            what the monitor learned about when deliveries happen
  smsbat-monitor help <command>               options of one command

Ids come from the arguments or, when there are none, from stdin (one per line, or separated by spaces,
commas or semicolons): smsbat-monitor watch < ids.txt. \`watch\` takes each line as it arrives, so it can
follow a growing log: tail -f sent.log | smsbat-monitor watch

Global options:
  --json                 machine-readable output (check: one JSON array; watch and demo: NDJSON)
  --timeout <seconds>    stop after this long (check, watch, demo)
  -h, --help             help (also after a command: smsbat-monitor watch --help)
  -v, --version          print the version

${CREDENTIALS_HELP}

Exit codes:
  0    check: every id answered, none failed; watch: every message delivered; demo: ran to the end
  1    some message failed (undeliverable, permanent error...), was not found, or could not be checked;
       this wins over 2 when a watch also ended with messages still pending
  2    stopped before every message settled: --timeout passed, or the watch gave up on an id
  3    could not run: a usage mistake, missing or rejected credentials, a base URL that does not answer
       like SMSBAT (e.g. a web page's 404), or a setup error
  130  stopped by Ctrl-C (143 for SIGTERM), after printing what is known so far (check: the table;
       watch: the summary)

Try it with nothing configured:  smsbat-monitor demo`;

const COMMAND_HELP: Readonly<Record<CommandName, string>> = {
  check: `Usage: smsbat-monitor check <id...> [options]
       ... | smsbat-monitor check [options]

Checks the current status of each message once and prints a table: id, status in words, parts, cost (with
its currency, or "currency unknown" when SMSBAT gives none), channel statuses (e.g. "viber: delivered,
sms: not_used") and any error. Unusable tokens and repeated ids are reported on stderr and skipped.
On a terminal, batches of 20 ids or more show their progress on stderr; Ctrl-C prints the table so far
(ids not yet answered shown as "not checked") and exits 130.

Options:
${CONNECTION_OPTIONS}
  --timeout <seconds>    stop checking after this long; ids not yet answered are shown as "not checked"
  --json                 print a JSON array, one object per id
  -h, --help             this help

Exit codes: 0 every id answered and none failed (pending is fine); 1 some failed, were not found or could
not be checked; 2 --timeout stopped some checks; 3 usage mistake, credentials missing/rejected, or a base
URL that is not SMSBAT's; 130 Ctrl-C (143 SIGTERM).

${CREDENTIALS_HELP}

Example:
  SMSBAT_API_KEY=... smsbat-monitor check abc123def456 fed654cba321`,

  watch: `Usage: smsbat-monitor watch <id...> [options]
       ... | smsbat-monitor watch [options]
       tail -f sent.log | smsbat-monitor watch [options]

Watches messages until each has a final status (delivered, undeliverable, permanent error), is not found,
or is given up on (after 24 h), printing each change as it happens, e.g.
  12:00:05  abc123  delivered  (viber: delivered, sms: not_used; 1 part; 0.05 USD)
then a summary: counts, delivery rate, cost per currency and deliveries after the --deadline. Ids piped
into stdin are watched as each line arrives; the watch then ends once stdin has closed and every id has
settled (or at --timeout). Checks back off while nothing changes (5 s, then longer), as SMSBAT's polling
guidance asks; new ids and ids with a deadline are checked first. A just-sent id SMSBAT answers 404 for
shows as "not found yet" while it is tried again. Problems affecting every check (rate limited, offline)
go to stderr. Rejected credentials, or a base URL that does not answer like SMSBAT, stop the watch at
once (exit 3).

Options:
${CONNECTION_OPTIONS}
  --timeout <seconds>    stop after this long even if some messages are still pending (default: no limit)
  --deadline <seconds>   flag messages still not final this long after being watched as overdue (e.g.
                         2FA codes), and deliveries after it as late; reported as they happen and in the
                         summary; does not change the exit code
  --label <text>         a name for this group of messages, shown in the summary and in --json
  --not-found-retries <n>  404s a just-sent id is forgiven before it is reported not found
                         (default ${DEFAULT_NOT_FOUND_RETRIES}, spaced 5, 10, 20 s; 0 reports the first 404)
  --webhook-port <n>     also receive SMSBAT's status webhooks on this port; prints the address to give
                         SMSBAT's account manager (keep its secret the same between runs with
                         SMSBAT_WEBHOOK_SECRET); while webhooks arrive, polling only confirms each id once
                         and checks late ones, and after 10 min without one it polls as usual
  --webhook-host <addr>  the address the receiver listens on (default 127.0.0.1: put a reverse proxy or
                         a tunnel in front of it rather than opening it to the network)
  --json                 NDJSON on stdout: {"type":"change","event":...} per message event (status_changed,
                         delivered, failed, delivered_late, overdue, not_found, gave_up, check_failed),
                         {"type":"health","mode":...,"blocker":...} when the engine's state changes (after
                         the events that led to it), and a final {"type":"summary",...} with the label and
                         the exit code
  -h, --help             this help

Exit codes: 0 every message delivered; 1 some failed or were not found (wins over 2); 2 --timeout passed
or the watch gave up on some message; 3 usage mistake, credentials missing/rejected, or a base URL that is
not SMSBAT's; 130 Ctrl-C (143 SIGTERM), after printing the summary so far. A second Ctrl-C quits at once.

${CREDENTIALS_HELP}

Example:
  SMSBAT_API_KEY=... smsbat-monitor watch --timeout 120 --deadline 30 abc123def456`,

  simulate: `Usage: smsbat-monitor simulate [options]

Runs a local stand-in for SMSBAT's status endpoint and prints its URL, its demo credentials (they open
only the simulator) and how to point the CLI at it. Stops cleanly on Ctrl-C or SIGTERM (exit 0).

Options:
  --port <n>             port to listen on, 0 for any free port (default ${DEFAULT_SIMULATOR_PORT})
  --host <address>       address to listen on (default 127.0.0.1; anything else exposes it to the network)
  --seed <n>             seed of the simulated outcomes (default 1): same seed and id, same story
  --profile <file>       delivery profile JSON: outcome shares and delay distributions (default: built in)
  --json                 print the URL and credentials as one JSON line
  --webhook-url <url>    post a webhook like SMSBAT's to this address whenever a message's status changes
                         (e.g. the one \`smsbat-monitor watch --webhook-port\` prints)
  --webhook-loss <share>        share of webhooks never sent, 0..1 or a percentage (default 0)
  --webhook-duplicates <share>  share sent twice (default 0)
  --webhook-delay-ms <ms>       each webhook waits up to this long after its change (default 0)
  --webhook-reorder <share>     share held back until after the next change's webhook (default 0)
  --webhook-hostile      after each webhook, also send one a receiver must refuse (wrong path, method,
                         type, size or body, a stale status, an unknown id)
  -h, --help             this help

Id prefixes pick the outcome: missing- (404), fast-, late-, undeliverable-, permanenterror-, stuck-;
and the channel: sms-, viber-, fallback- (Viber, then SMS). Combine them, e.g. fast-viber-42.`,

  demo: `Usage: smsbat-monitor demo [options]

Starts the simulator in this process on a free loopback port (simulated time runs faster) and watches
twelve demo messages on it with the watch output: Viber, SMS and Viber-to-SMS deliveries, failures and an
unknown id. Needs no account and no configuration. This is what \`npm start\` runs.

Options:
  --timeout <seconds>    stop after this long (default ${DEFAULT_DEMO_TIMEOUT_SECONDS})
  --rate <n>             status requests per second (default ${DEFAULT_RATE}, at most ${MAX_RATE})
  --seed <n>             seed of the simulated outcomes (default 1)
  --json                 NDJSON output, as for watch
  -h, --help             this help

Exit codes: 0 every message settled (the simulated failures are part of the demo); 2 --timeout ended it
(even after some demo messages failed); 3 could not start; 130 Ctrl-C.`,

  profile: `Usage: smsbat-monitor profile [options]

Prints the delivery profile the monitor learned from its own checks (it checks where final statuses are
likely): the share of messages final by 10 s, 30 s, 2 min, 10 min and 1 h, for all messages and per
channel mix (SMS; Viber with SMS fallback), and how many final statuses it rests on. Says so when nothing
has been learned yet. The app saves the profile when it stops, as delivery-profile.json in its data
directory ($XDG_CONFIG_HOME/smsbat-delivery-monitor, ~/.config/..., %APPDATA%\\... on Windows,
~/Library/Application Support/... on macOS).

Options:
  --profile-file <file>  the saved profile to read (default: the one in the app's data directory)
  --json                 print the summary as one JSON object
  -h, --help             this help

Exit codes: 0 printed (also when nothing is learned yet); 3 the file cannot be read or is not a profile.`,
};

/** The help text for a command, or the overview when `command` is null. */
export function helpText(command: CommandName | null): string {
  return `${command === null ? TOP_HELP : COMMAND_HELP[command]}\n`;
}
