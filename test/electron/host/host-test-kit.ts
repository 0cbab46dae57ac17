import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ContractEventMessage, RequestHandlers } from '../../../shared/contract';
import type { DemoSimulator } from '../../../electron/host/connection-manager';
import { startHostServices, type HostServices } from '../../../electron/host/host-services';
import type { SecretStore } from '../../../electron/host/secret-store';
import {
  startBrowserHost,
  type BrowserHostOptions,
  type RunningBrowserHost,
} from '../../../electron/host/loopback/browser-host';
import { linkProtocols } from '../../../shared/browser-link';
import { decodeEventFrame } from '../../../renderer/src/transport/event-frame-decoder';
import { FakeHostEngine } from '../../fakes/fake-host-engine';

/** A fresh temporary directory; remove it with `rm`. */
export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'smsbat-host-'));
}

/** A host on the fake engine with real files in a temporary data directory. */
export interface ServicesKit {
  readonly services: HostServices;
  readonly engine: FakeHostEngine;
  readonly dataDir: string;
  readonly problems: string[];
  close(): Promise<void>;
}

/** Starts host services on a fake engine. */
export async function startServicesKit(
  options: {
    readonly env?: Record<string, string>;
    readonly dataDir?: string;
    readonly startDemoSimulator?: () => Promise<DemoSimulator>;
    readonly secretStore?: SecretStore;
  } = {},
): Promise<ServicesKit> {
  const dataDir = options.dataDir ?? (await tempDir());
  const problems: string[] = [];
  const engine = new FakeHostEngine();
  const services = await startHostServices({
    dataDir,
    env: options.env ?? {},
    createEngine: () => engine,
    onProblem: (message) => problems.push(message),
    ...(options.startDemoSimulator ? { startDemoSimulator: options.startDemoSimulator } : {}),
    ...(options.secretStore ? { secretStore: options.secretStore } : {}),
  });
  return {
    services,
    engine,
    dataDir,
    problems,
    async close() {
      await services.stop();
      if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser host on a fake engine, serving a tiny built window. */
export interface BrowserKit extends ServicesKit {
  readonly host: RunningBrowserHost;
}

/** Starts a browser host with a stand-in `out/renderer`; `options` may swap handlers or set host options. */
export async function startBrowserKit(
  options: {
    readonly handlers?: (real: RequestHandlers) => RequestHandlers;
    readonly host?: Partial<BrowserHostOptions>;
  } = {},
): Promise<BrowserKit> {
  const kit = await startServicesKit();
  const rendererDir = join(kit.dataDir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Monitor</title><div id="root"></div>',
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("window");');
  await writeFile(join(kit.dataDir, 'secret.txt'), 'outside the window folder');
  const host = await startBrowserHost({
    handlers: options.handlers?.(kit.services.handlers) ?? kit.services.handlers,
    subscribe: (listener) => kit.services.subscribe(listener),
    rendererDir,
    ...options.host,
  });
  return {
    ...kit,
    host,
    async close() {
      await host.close();
      await kit.close();
    },
  };
}

/** An HTTP GET on the host with the given headers, Host included (no redirects followed). */
export function get(
  host: RunningBrowserHost,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: host.port, path, method: 'GET', headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** What a window sends when it opens the WebSocket: its page's Origin, and its token as a subprotocol. */
export interface SocketOpening {
  readonly origin?: string;
  /** The run's token the window offers; null offers none. */
  readonly token: string | null;
  /** Overrides the Host header (for DNS rebinding). */
  readonly host?: string;
  /** Any other headers, e.g. a cookie another site planted. */
  readonly headers?: Record<string, string>;
}

/** An opened WebSocket, its pushed events, and the close code it ends with. */
export interface OpenedSocket {
  readonly ok: true;
  readonly socket: WebSocket;
  readonly events: ContractEventMessage[];
  readonly closed: Promise<number>;
}

/**
 * Opens the host's WebSocket as a browser would; resolves the socket or the refusal's HTTP status. `events` holds
 * the pushed events that came as binary frames (the only way the host sends them).
 */
export function openSocket(
  host: RunningBrowserHost,
  opening: SocketOpening,
  path = '/ws',
): Promise<OpenedSocket | { ok: false; status: number }> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...opening.headers };
    if (opening.origin !== undefined) headers['origin'] = opening.origin;
    if (opening.host !== undefined) headers['host'] = opening.host;
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, linkProtocols(opening.token), {
      headers,
    });
    const events: ContractEventMessage[] = [];
    const closed = new Promise<number>((resolveClosed) => {
      socket.once('close', (code: number) => {
        resolveClosed(code);
      });
    });
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      // Pushed events come as binary frames only, read as the window reads them; answers are JSON text.
      if (!isBinary) return;
      const value = decodeEventFrame(new Uint8Array(data));
      if (typeof value === 'object' && value !== null && 'event' in value)
        events.push(value as ContractEventMessage);
    });
    socket.once('open', () => {
      resolve({ ok: true, socket, events, closed });
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve({ ok: false, status: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', () => {
      resolve({ ok: false, status: 0 });
    });
  });
}

/** Opens the WebSocket as this run's window does; throws when the host refuses it. */
export async function openWindowSocket(host: RunningBrowserHost): Promise<OpenedSocket> {
  const opened = await openSocket(host, { origin: host.origin, token: host.token });
  if (!opened.ok) throw new Error(`refused: ${opened.status}`);
  return opened;
}

/** Sends one request frame and waits for its answer. */
export function request(socket: WebSocket, frame: unknown): Promise<Record<string, unknown>> {
  const id = (frame as { id?: unknown }).id ?? null;
  return new Promise((resolve) => {
    const onMessage = (data: Buffer, isBinary: boolean): void => {
      if (isBinary) return;
      const value = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
      if ('result' in value && value['id'] === id) {
        socket.off('message', onMessage);
        resolve(value);
      }
    };
    socket.on('message', onMessage);
    socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}

/** Waits until `check` holds, polling every 10 ms for at most `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
