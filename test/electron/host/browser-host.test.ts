import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_NAMES } from '../../../shared/contract';
import { get, openSocket, request, startBrowserKit, waitFor, type BrowserKit } from './host-test-kit';

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
  it('listens on 127.0.0.1 and prints a URL that carries the token', () => {
    expect(kit.host.url).toBe(`http://127.0.0.1:${kit.host.port}/?token=${kit.host.token}`);
    expect(kit.host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('swaps the token in the URL for an HttpOnly SameSite=Strict cookie and a clean address', async () => {
    const response = await get(kit.host, `/?token=${kit.host.token}`);
    expect(response.status).toBe(303);
    expect(response.headers['location']).toBe('/');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toContain(kit.cookie);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('serves the window with the cookie, under a strict CSP and without a referrer', async () => {
    const page = await get(kit.host, '/', { cookie: kit.cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(String(page.headers['referrer-policy'])).toBe('no-referrer');
    const script = await get(kit.host, '/assets/app.js', { cookie: kit.cookie });
    expect(script.status).toBe(200);
    expect(String(script.headers['content-type'])).toMatch(/javascript/);
  });

  it('refuses a request without the token', async () => {
    const response = await get(kit.host, '/');
    expect(response.status).toBe(401);
    expect(response.text).not.toContain('<div id="root">');
    expect((await get(kit.host, '/assets/app.js')).status).toBe(401);
  });

  it('refuses a wrong token, in the URL or in the cookie', async () => {
    expect((await get(kit.host, '/?token=guess')).status).toBe(403);
    const wrongCookie = await get(kit.host, '/', { cookie: kit.cookie.replace(/=.*/, '=guess') });
    expect(wrongCookie.status).toBe(401);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const response = await get(kit.host, '/', { cookie: kit.cookie, origin: 'http://evil.example' });
    expect(response.status).toBe(403);
  });

  it('refuses a Host that is not the loopback address (DNS rebinding), even with the token', async () => {
    const response = await get(kit.host, '/', { cookie: kit.cookie, host: `evil.example:${kit.host.port}` });
    expect(response.status).toBe(403);
    expect(response.text).not.toContain('<div id="root">');
  });

  it('never serves files outside the window folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await get(kit.host, path, { cookie: kit.cookie });
      expect(response.text).not.toContain('outside the window folder');
    }
  });
});

describe('the browser host WebSocket', () => {
  it('refuses no token, a wrong token, a foreign Origin, a missing Origin and a foreign Host', async () => {
    expect(await openSocket(kit.host, { origin })).toEqual({ ok: false, status: 401 });
    expect(await openSocket(kit.host, { origin, cookie: kit.cookie.replace(/=.*/, '=guess') })).toEqual({
      ok: false,
      status: 401,
    });
    expect(await openSocket(kit.host, { origin: 'http://evil.example', cookie: kit.cookie })).toEqual({
      ok: false,
      status: 403,
    });
    expect(await openSocket(kit.host, { cookie: kit.cookie })).toEqual({ ok: false, status: 403 });
    expect(
      await openSocket(kit.host, { origin, cookie: kit.cookie, host: `rebound.example:${kit.host.port}` }),
    ).toEqual({
      ok: false,
      status: 403,
    });
  });

  it('answers requests and pushes the state, then every change', async () => {
    const opened = await openSocket(kit.host, { origin, cookie: kit.cookie });
    if (!opened.ok) throw new Error(`refused: ${opened.status}`);
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
    const opened = await openSocket(kit.host, { origin, cookie: kit.cookie });
    if (!opened.ok) throw new Error(`refused: ${opened.status}`);
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
    const opened = await openSocket(kit.host, { origin, cookie: kit.cookie });
    if (!opened.ok) throw new Error(`refused: ${opened.status}`);
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
