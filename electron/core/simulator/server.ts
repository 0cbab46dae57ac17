import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createSimulator } from './handler';
import type { RunningSimulator, SimulatorRequest, StartSimulatorOptions } from './types';

/**
 * Serves a simulator over real HTTP (node:http, keep-alive on), on 127.0.0.1 and an ephemeral port by default.
 * Response delays use real timers (the injected clock only stamps requests and drives timelines), so a virtual
 * clock never stalls a socket. `close()` destroys hanging and idle keep-alive connections, so it ends promptly.
 */
export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const { host = '127.0.0.1', port = 0 } = options;
  const simulator = createSimulator(options);
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume(); // Drain any body so the connection can be reused.
    const reply = simulator.handle(toSimulatorRequest(request));
    switch (reply.kind) {
      case 'hang':
        return; // Never answered; close() destroys the socket.
      case 'reset':
        request.socket.destroy();
        return;
      case 'response': {
        const send = (): void => {
          if (response.destroyed) return;
          response.writeHead(reply.status, {
            ...reply.headers,
            'content-length': String(Buffer.byteLength(reply.body)),
          });
          response.end(reply.body);
        };
        if (reply.delayMs <= 0) {
          send();
          return;
        }
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, reply.delayMs);
        timers.add(timer);
        return;
      }
    }
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new TypeError('the simulator did not get a TCP port');
  const hostInUrl = address.address.includes(':') ? `[${address.address}]` : address.address;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${hostInUrl}:${address.port}`,
    simulator,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

function toSimulatorRequest(request: IncomingMessage): SimulatorRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: request.method ?? 'GET', path: request.url ?? '/', headers };
}
