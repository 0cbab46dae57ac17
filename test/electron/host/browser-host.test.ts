import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_NAMES } from '../../../shared/contract';
import { CLOSE_TOKEN_REFUSED, LINK_PROTOCOL } from '../../../shared/browser-link';
import {
  get,
  openSocket,
  openWindowSocket,
  request,
  startBrowserKit,
  waitFor,
  type BrowserKit,
} from './host-test-kit';

let kit: BrowserKit;
let origin: string;

beforeEach(async () => {
  kit = await startBrowserKit();
  origin = kit.host.origin;
});

afterEach(async () => {
  await kit.close();
});

describe('the browser host over HTTP', () => {
  it('listens on 127.0.0.1 and prints a URL that carries the token in its fragment, which is never sent to a server', () => {
    expect(kit.host.url).toBe(`http://127.0.0.1:${kit.host.port}/#token=${kit.host.token}`);
    expect(kit.host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the window without a token and without a cookie, under a strict CSP and without a referrer', async () => {
    const page = await get(kit.host, '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(String(page.headers['referrer-policy'])).toBe('no-referrer');
    const script = await get(kit.host, '/assets/app.js');
    expect(script.status).toBe(200);
    expect(String(script.headers['content-type'])).toMatch(/javascript/);
  });

  it('never sets a cookie or redirects, whatever the address (a token in it included)', async () => {
    const token = kit.host.token;
    for (const path of [
      `/?token=${token}`,
      `/.//evil.example?token=${token}`,
      `//evil.example/?token=${token}`,
      `/\\evil.example/?token=${token}`,
      '/?token=guess',
      '/assets/app.js?token=x',
    ]) {
      const response = await get(kit.host, path);
      expect(response.headers['location'], path).toBeUndefined();
      expect(response.headers['set-cookie'], path).toBeUndefined();
      expect(response.status, path).not.toBe(303);
    }
  });

  it('refuses a foreign Origin', async () => {
    const response = await get(kit.host, '/', { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
  });

  it('refuses a Host that is not the loopback address (DNS rebinding)', async () => {
    const response = await get(kit.host, '/', { host: `evil.example:${kit.host.port}` });
    expect(response.status).toBe(403);
    expect(response.text).not.toContain('<div id="root">');
  });

  it('never serves files outside the window folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await get(kit.host, path);
      expect(response.text).not.toContain('outside the window folder');
    }
  });
});

describe('the browser host WebSocket', () => {
  it('refuses a foreign Origin, a missing Origin and a foreign Host before opening, even with the token', async () => {
    const token = kit.host.token;
    expect(await openSocket(kit.host, { origin: 'http://evil.example', token })).toEqual({
      ok: false,
      status: 403,
    });
    expect(await openSocket(kit.host, { token })).toEqual({ ok: false, status: 403 });
    expect(await openSocket(kit.host, { origin, token, host: `rebound.example:${kit.host.port}` })).toEqual({
      ok: false,
      status: 403,
    });
  });

  it('closes a socket that offers no token or a wrong one with the "token refused" code, before sending anything', async () => {
    for (const token of [null, 'guess', `${kit.host.token}x`]) {
      const opened = await openSocket(kit.host, { origin, token });
      if (!opened.ok) throw new Error(`refused: ${opened.status}`);
      expect(await opened.closed).toBe(CLOSE_TOKEN_REFUSED);
      expect(opened.events).toEqual([]);
    }
  });

  it('takes nothing from cookies: the token in a cookie opens nothing, and a cookie another port planted changes nothing', async () => {
    const cookie = `smsbat_monitor_${kit.host.port}=${kit.host.token}`;
    const withCookieOnly = await openSocket(kit.host, { origin, token: null, headers: { cookie } });
    if (!withCookieOnly.ok) throw new Error(`refused: ${withCookieOnly.status}`);
    expect(await withCookieOnly.closed).toBe(CLOSE_TOKEN_REFUSED);

    const planted = `smsbat_monitor_${kit.host.port}=planted; smsbat_monitor=planted`;
    const page = await get(kit.host, '/', { cookie: planted });
    expect(page.status).toBe(200);
    const opened = await openSocket(kit.host, {
      origin,
      token: kit.host.token,
      headers: { cookie: planted },
    });
    if (!opened.ok) throw new Error(`refused: ${opened.status}`);
    await waitFor(() => opened.events.some((event) => event.event === 'feed'));
    opened.socket.close();
  });

  it('answers the link protocol and never echoes the token', async () => {
    const opened = await openWindowSocket(kit.host);
    expect(opened.socket.protocol).toBe(LINK_PROTOCOL);
    opened.socket.close();
  });

  it('answers requests and pushes the state, then every change', async () => {
    const opened = await openWindowSocket(kit.host);
    await waitFor(() => opened.events.some((event) => event.event === 'feed'));
    expect(opened.events.map((event) => event.event)).toEqual([
      'capabilities',
      'connection',
      'preferences',
      'feed',
    ]);
    expect(opened.events[0]?.payload).toEqual({ notifications: 'window' });

    const answer = await request(opened.socket, { id: 7, name: 'watch', payload: { messageIds: ['abc-1'] } });
    expect(answer).toEqual({
      id: 7,
      result: { ok: true, value: { added: ['abc-1'], alreadyWatched: [], rejected: [] } },
    });
    await waitFor(() => opened.events.length === 5);
    const change = opened.events[4];
    expect(
      change?.event === 'feed' && change.payload.type === 'change' && change.payload.change.upserted[0]?.id,
    ).toBe('abc-1');
    opened.socket.close();
    await waitFor(() => kit.engine.subscriberCount === 1); // only the notification subscription is left
  });

  it('refuses a binary frame from the window with a typed error, and keeps serving', async () => {
    const opened = await openWindowSocket(kit.host);
    const refused = new Promise<unknown>((resolve) => {
      opened.socket.once('message', (data: Buffer, isBinary: boolean) => {
        resolve(isBinary ? 'binary' : JSON.parse(data.toString('utf8')));
      });
    });
    await waitFor(() => opened.events.some((event) => event.event === 'feed'));
    opened.socket.send(Buffer.from(JSON.stringify({ id: 1, name: 'pause', payload: {} })), { binary: true });
    expect(await refused).toMatchObject({
      id: null,
      result: { ok: false, error: { kind: 'invalid_request' } },
    });
    expect(await request(opened.socket, { id: 2, name: 'resume', payload: {} })).toMatchObject({
      id: 2,
      result: { ok: true },
    });
    opened.socket.close();
  });

  it('answers a malformed payload on every contract entry with a typed error, and keeps serving', async () => {
    const opened = await openWindowSocket(kit.host);
    let id = 0;
    for (const name of REQUEST_NAMES) {
      for (const payload of ['not an object', { unexpectedField: true }, null]) {
        id += 1;
        const answer = await request(opened.socket, { id, name, payload });
        expect(answer, `${name} ${JSON.stringify(payload)}`).toMatchObject({
          id,
          result: { ok: false, error: { kind: 'invalid_request' } },
        });
      }
    }
    expect(await request(opened.socket, { id: 'x', name: 'noSuchRequest', payload: {} })).toMatchObject({
      id: 'x',
      result: { ok: false, error: { kind: 'invalid_request', message: 'Unknown request "noSuchRequest".' } },
    });
    expect(await request(opened.socket, '{not json')).toMatchObject({
      id: null,
      result: { ok: false, error: { kind: 'invalid_request' } },
    });
    const still = await request(opened.socket, { id: 'last', name: 'getConnection', payload: {} });
    expect(still).toMatchObject({ id: 'last', result: { ok: true, value: { source: 'none', demo: false } } });
    opened.socket.close();
  });
});

describe('answers the browser host cannot send as they are', () => {
  it('answers a huge paste of bad tokens in a small frame that lists the first 100 and counts the rest', async () => {
    const opened = await openWindowSocket(kit.host);
    const answer = await request(opened.socket, {
      id: 1,
      name: 'watchText',
      payload: { text: '!,'.repeat(4_000_000) },
    });
    expect(JSON.stringify(answer).length).toBeLessThan(100_000);
    expect(answer).toMatchObject({ id: 1, result: { ok: true, value: { moreRejected: 3_999_900 } } });
    opened.socket.close();
  });

  it('sends a typed error frame when an answer cannot be written, and keeps serving', async () => {
    await kit.close();
    kit = await startBrowserKit({
      handlers: (real) => ({
        ...real,
        // An answer JSON cannot write, as one too large for a string would be.
        getSettings: () => ({ size: 1n }) as never,
      }),
    });
    origin = kit.host.origin;
    const opened = await openWindowSocket(kit.host);
    expect(await request(opened.socket, { id: 1, name: 'getSettings', payload: {} })).toMatchObject({
      id: 1,
      result: { ok: false, error: { kind: 'failed' } },
    });
    expect(await request(opened.socket, { id: 2, name: 'getConnection', payload: {} })).toMatchObject({
      id: 2,
      result: { ok: true },
    });
    opened.socket.close();
  });
});
