import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLIENT_VERSION,
  SmsbatClient,
  USER_AGENT,
  type SmsbatClientOptions,
} from '../../../../electron/core/client';
import type { Credentials } from '../../../../electron/core/credentials';
import {
  AuthError,
  InvalidResponseError,
  NetworkError,
  ServerError,
  NotFoundError,
  TimeoutError,
  WrongBaseUrlError,
} from '../../../../electron/core/errors';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

interface TestServer {
  readonly url: string;
  /** How many TCP connections the server accepted. */
  readonly connections: () => number;
  readonly requests: IncomingMessage[];
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A tiny HTTP server for what the simulator cannot do; closed after each test. */
async function serve(handler: Handler): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const requests: IncomingMessage[] = [];
  let accepted = 0;
  const server: Server = createServer((request, response) => {
    requests.push(request);
    handler(request, response);
  });
  server.on('connection', (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, connections: () => accepted, requests };
}

function client(options: Partial<SmsbatClientOptions> & { baseUrl: string }): SmsbatClient {
  const created = new SmsbatClient({
    credentials: { method: 'api-key-header', apiKey: 'secret-key-9876' },
    ...options,
  });
  cleanups.push(() => created.close());
  return created;
}

const OK_BODY = '{"deliverystatus":"delivered","partscount":1,"cost":0.05}';

function ok(delayMs = 0): Handler {
  return (_request, response) => {
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(OK_BODY);
    }, delayMs);
  };
}

describe('SmsbatClient requests', () => {
  it('sends GET {prefix}/bat/message/{id} with accept, user-agent and the auth header', async () => {
    const server = await serve(ok());
    await client({ baseUrl: `${server.url}/api/v2/` }).getStatus('abc123');
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('/api/v2/bat/message/abc123');
    expect(request?.headers).toMatchObject({
      accept: 'application/json',
      'user-agent': USER_AGENT,
      'x-authorization-key': 'secret-key-9876',
    });
  });

  it('sends HTTP Basic for the cabinet login and for @ with the API key', async () => {
    const server = await serve(ok());
    await client({
      baseUrl: server.url,
      credentials: { method: 'basic', username: 'jane', password: 'pw ü' },
    }).getStatus('a');
    await client({ baseUrl: server.url, credentials: { method: 'basic-api-key', apiKey: 'k-1' } }).getStatus(
      'a',
    );
    const decoded = server.requests.map((request) =>
      Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8'),
    );
    expect(decoded).toEqual(['jane:pw ü', '@:k-1']);
  });

  it('reuses keep-alive connections for 50 sequential checks', async () => {
    const server = await serve(ok());
    const checker = client({ baseUrl: server.url });
    for (let i = 0; i < 50; i++) await checker.getStatus(`m${i}`);
    expect(server.requests).toHaveLength(50);
    // undici may still count the first connection busy for a tick after the body ends, so the next request can
    // open a second one; from then on the two alternate. Without keep-alive this would be 50.
    expect(server.connections()).toBeLessThanOrEqual(2);
  });

  it('opens no more connections than `connections` allows', async () => {
    const server = await serve(ok(20));
    const checker = client({ baseUrl: server.url, connections: 3 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => checker.getStatus(`m${i}`)));
    expect(server.requests).toHaveLength(12);
    expect(server.connections()).toBe(3);
  });

  it('uses the version from package.json in the user agent', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(CLIENT_VERSION).toBe(pkg.version);
    expect(USER_AGENT).toBe(`smsbat-delivery-monitor/${pkg.version}`);
  });
});

describe('SmsbatClient on a base URL that is not SMSBAT', () => {
  const answer404 =
    (contentType: string, body: string): Handler =>
    (_request, response) => {
      response.writeHead(404, { 'content-type': contentType });
      response.end(body);
    };

  it.each([
    ['an HTML page', 'text/html', '<!doctype html><html><body><h1>404 Not Found</h1></body></html>'],
    ['plain text', 'text/plain', 'Cannot GET /api/bat/message/abc'],
    ['JSON of another API', 'application/json', '{"detail":"Not Found"}'],
  ])('fails with WrongBaseUrlError, naming the base URL, for a 404 with %s', async (_what, type, body) => {
    const server = await serve(answer404(type, body));
    const baseUrl = `${server.url}/api`;
    const error = await client({ baseUrl })
      .getStatus('abc')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongBaseUrlError);
    expect(error).toMatchObject({ baseUrl, httpStatus: 404, kind: 'wrong_base_url' });
    expect((error as Error).message).toMatch(/^HTTP 404 with .* instead of SMSBAT's JSON/);
    expect((error as Error).message).not.toContain('secret-key-9876');
  });

  it.each([
    [
      '{status, error, message, code}',
      '{"status":404,"error":"Not Found","message":"Message not found.","code":1004}',
    ],
    ['{error: {code, message}}', '{"error":{"code":"MESSAGE_NOT_FOUND","message":"Message not found."}}'],
    ['{error, message, status}', '{"error":"Not Found","message":"Message not found.","status":404}'],
    ['an empty body (no evidence of another server)', ''],
  ])('still reports NotFoundError for a 404 with %s', async (_what, body) => {
    const server = await serve(answer404('application/json', body));
    const error = await client({ baseUrl: server.url })
      .getStatus('abc')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
  });
});

describe('SmsbatClient limits and failures', () => {
  it('stops reading an oversized status response and fails with InvalidResponseError', async () => {
    let written = 0;
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      // Stream without a content-length: the client must stop on its own.
      const chunk = Buffer.alloc(16_384, 0x20);
      const timer = setInterval(() => {
        if (response.destroyed || written > 10_000_000) {
          clearInterval(timer);
          return;
        }
        written += chunk.length;
        response.write(chunk);
      }, 1);
    });
    const error = await client({ baseUrl: server.url, maxResponseBytes: 65_536 })
      .getStatus('abc')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/larger than 65536 bytes/);
    expect(written).toBeLessThan(1_000_000);
  });

  it('still reports a 503 with an oversized page as ServerError', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(503, { 'content-type': 'text/html' });
      response.end(`<html>${'x'.repeat(200_000)}</html>`);
    });
    const error = await client({ baseUrl: server.url, maxResponseBytes: 1024 })
      .getStatus('abc')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as Error).message).toContain('Service Unavailable');
  });

  it('times out a body that trickles in too slowly (the timeout covers the body)', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"deliverystatus":');
      const timer = setInterval(() => {
        if (response.destroyed) clearInterval(timer);
        else response.write(' ');
      }, 50);
    });
    const started = Date.now();
    const error = await client({ baseUrl: server.url, timeoutMs: 300 })
      .getStatus('abc')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('rejects with the abort reason when the caller aborts while the body arrives', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"deliverystatus":');
    });
    const controller = new AbortController();
    const reason = new Error('user closed the window');
    const pending = client({ baseUrl: server.url }).getStatus('abc', controller.signal);
    setTimeout(() => {
      controller.abort(reason);
    }, 100);
    await expect(pending).rejects.toBe(reason);
  });

  it('fails with NetworkError when TLS cannot be set up', async () => {
    const server = await serve(ok());
    const error = await client({ baseUrl: server.url.replace('http:', 'https:') })
      .getStatus('abc')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/secure connection/);
  });

  it('fails with NetworkError when the host does not exist', async () => {
    const error = await client({ baseUrl: 'http://no-such-host.invalid', timeoutMs: 5000 })
      .getStatus('abc')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/Could not find the host/);
  });

  it('masks a secret that SMSBAT echoes in an error body', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"error":{"code":"BAD_KEY","message":"Unknown key secret-key-9876"}}');
    });
    const error = await client({ baseUrl: server.url })
      .getStatus('abc')
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain('Unknown key ***');
    expect((error as Error).message).not.toContain('secret-key-9876');
  });

  it('refuses new checks once closed', async () => {
    const server = await serve(ok());
    const checker = client({ baseUrl: server.url });
    await checker.getStatus('abc');
    await checker.close();
    await expect(checker.getStatus('abc')).rejects.toThrow(/closed/);
  });
});

const KEY = 'K7q-Zp93-wLmN-4tRv-8sYb-Hx2c';
const PASSWORD = 'Pw9!long-passphrase-5521';
const ESCAPED_KEY = 'K7q/"Zp\\93-wLmN-4tRv';

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** A 401 whose message is `offset` characters of filler, then `echo`: the id sent is the offset. */
function echoAt(echo: string, escapeSlashes = false): Handler {
  return (request, response) => {
    const offset = Number((request.url ?? '').split('/').pop());
    const body = JSON.stringify({ error: { code: 'BAD_KEY', message: `${'x'.repeat(offset)} ${echo} end` } });
    response.writeHead(401, { 'content-type': 'application/json' });
    response.end(escapeSlashes ? body.replace(/\//g, '\\/') : body);
  };
}

describe('SmsbatClient secrets in error bodies', () => {
  const basic: Credentials = { method: 'basic', username: 'jane', password: PASSWORD };
  const basicKey: Credentials = { method: 'basic-api-key', apiKey: KEY };
  const headerKey: Credentials = { method: 'api-key-header', apiKey: KEY };
  const cases: [string, Credentials, string, readonly string[], boolean?][] = [
    ['the API key', headerKey, KEY, [KEY]],
    ['the API key sent in Basic', basicKey, KEY, [KEY]],
    ['the Basic value of @:key', basicKey, base64(`@:${KEY}`), [KEY, base64(`@:${KEY}`)]],
    ['the password', basic, PASSWORD, [PASSWORD]],
    ['user:password', basic, `jane:${PASSWORD}`, [PASSWORD]],
    ['the Basic value', basic, `Basic ${base64(`jane:${PASSWORD}`)}`, [PASSWORD, base64(`jane:${PASSWORD}`)]],
    [
      'the Basic value without padding',
      basic,
      base64(`jane:${PASSWORD}`).replace(/=+$/, ''),
      [PASSWORD, base64(`jane:${PASSWORD}`)],
    ],
    [
      'a JSON-escaped key',
      { method: 'api-key-header', apiKey: ESCAPED_KEY },
      ESCAPED_KEY,
      [ESCAPED_KEY, JSON.stringify(ESCAPED_KEY).slice(1, -1)],
      true,
    ],
  ];

  it.each(cases)(
    'leaks no part of %s echoed across the point where the message is cut',
    async (_name, credentials, echo, secrets, escapeSlashes = false) => {
      const server = await serve(echoAt(echo, escapeSlashes));
      const checker = client({ baseUrl: server.url, credentials });
      // The message is cut to 300 characters: these offsets put the echo before, across and after the cut.
      for (let offset = 240; offset <= 300; offset += 3) {
        const error = await checker.getStatus(String(offset)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AuthError);
        const { message } = error as Error;
        for (const secret of secrets) expect(message).not.toContain(secret.slice(0, 4));
      }
    },
  );

  it('masks the secret in the code SMSBAT sends, too', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ code: `BAD_${'y'.repeat(290)}${KEY}`, message: 'Unknown key' }));
    });
    const error = await client({ baseUrl: server.url, credentials: headerKey })
      .getStatus('abc')
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain('Unknown key');
    expect((error as Error).message).not.toContain(KEY.slice(0, 4));
  });

  it('does not garble messages by masking a very short password', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"message":"The password you entered is wrong"}');
    });
    const error = await client({
      baseUrl: server.url,
      credentials: { method: 'basic', username: 'jane', password: 'e' },
    })
      .getStatus('abc')
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain('The password you entered is wrong');
  });

  it('masks the key that was sent even when the credentials change during the request', async () => {
    const server = await serve((request, response) => {
      const sent = String(request.headers['x-authorization-key']);
      setTimeout(() => {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: `Unknown key ${sent}` }));
      }, 200);
    });
    const checker = client({ baseUrl: server.url, credentials: headerKey });
    const pending = checker.getStatus('abc').catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    checker.setCredentials({ method: 'api-key-header', apiKey: 'new-key-0000-1111' });
    const error = await pending;
    expect(error).toBeInstanceOf(AuthError);
    expect(server.requests[0]?.headers['x-authorization-key']).toBe(KEY);
    expect((error as Error).message).toContain('Unknown key ***');
    expect((error as Error).message).not.toContain(KEY.slice(0, 4));
  });
});

describe('SmsbatClient options', () => {
  const credentials = { method: 'api-key-header', apiKey: 'k-1234' } as const;
  // Options arrive from settings at run time, so the tests pass values the types would not allow.
  const make = (options: Record<string, unknown>): SmsbatClient => {
    const given: unknown = { credentials, ...options };
    return new SmsbatClient(given as SmsbatClientOptions);
  };

  it.each([
    [{ baseUrl: 'ftp://example.com' }, /`baseUrl`.*"ftp:\/\/example.com"/],
    [{ baseUrl: 'not a url' }, /`baseUrl`.*"not a url"/],
    [{ baseUrl: 'https://host/x?y=1' }, /`baseUrl`.*without credentials, query or fragment/],
    [{ timeoutMs: 0 }, /`timeoutMs` to be a number from 1.*got `0` \(number\)/],
    [{ timeoutMs: '5000' }, /`timeoutMs`.*got "5000" \(string\)/],
    [{ maxResponseBytes: 1.5 }, /`maxResponseBytes` to be a whole number.*got `1.5`/],
    [{ connections: 0 }, /`connections` to be a whole number from 1 and up, got `0` \(number\)/],
    [
      { credentials: { method: 'oauth' } },
      /`credentials`.*`method` one of api-key-header, basic, basic-api-key.*"oauth"/,
    ],
  ])('rejects %j with a TypeError naming the option and the value', (options, message) => {
    expect(() => make(options)).toThrow(TypeError);
    expect(() => make(options)).toThrow(message);
  });

  it('never shows secrets in option errors', () => {
    expect(() => make({ baseUrl: 'https://user:hunter2@host' })).toThrow(/https:\/\/\*\*\*@host/);
    expect(() => make({ baseUrl: 'https://user:hunter2@host' })).not.toThrow(/hunter2/);
    expect(() => make({ credentials: { method: 'api-key-header', apiKey: 'bad\nkey-5555' } })).toThrow(
      TypeError,
    );
    expect(() => make({ credentials: { method: 'api-key-header', apiKey: 'bad\nkey-5555' } })).not.toThrow(
      /5555/,
    );
    expect(() => make({ credentials: { method: 'basic', username: 'u', password: '' } })).toThrow(
      /`credentials.password` to be a non-empty string, got an empty string/,
    );
  });

  it('defaults to the documented SMSBAT address', () => {
    const created = make({});
    cleanups.push(() => created.close());
    expect(created.origin).toBe('https://restapi.smsbat.com');
  });

  it('rejects an empty or malformed message id with a TypeError before sending anything', async () => {
    const server = await serve(ok());
    const checker = client({ baseUrl: server.url });
    await expect(checker.getStatus('')).rejects.toThrow(/`messageId` to be a non-empty string, got ""/);
    await expect(checker.getStatus('   ')).rejects.toThrow(TypeError);
    await expect(checker.getStatus('bad\uD800')).rejects.toThrow(/well-formed/);
    expect(server.requests).toHaveLength(0);
  });
});
