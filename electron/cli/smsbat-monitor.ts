import { processIo } from './process-io';
import { run } from './run';

// The `smsbat-monitor` command: everything happens in `run`; this only hands it the process.
const exitCode = await run(process.argv.slice(2), processIo());
process.exitCode = exitCode;
// Leave time for output to drain, then make sure nothing left behind (a keep-alive socket) holds the process open.
setTimeout(() => process.exit(exitCode), 1_000).unref();
