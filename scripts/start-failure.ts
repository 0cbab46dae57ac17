/** The Node error code of a failure, if it has one. */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Why the browser host could not start, as a sentence: a taken or forbidden port names the port and how to pick
 * another (`--port`); anything else keeps its own message.
 */
export function explainStartFailure(error: unknown, port: number): string {
  const code = codeOf(error);
  if (code === 'EADDRINUSE') {
    return (
      `Port ${port} on 127.0.0.1 is already in use (another monitor, or another program, listens there). ` +
      'Pick another with `--port`, e.g. `npm run start:browser -- --port 8788`, or leave `--port` out to take any ' +
      'free port.'
    );
  }
  if (code === 'EACCES') {
    return `Not allowed to listen on port ${port}: pick a port above 1023 with \`--port\`, e.g. \`--port 8788\`.`;
  }
  return error instanceof Error ? error.message : String(error);
}
