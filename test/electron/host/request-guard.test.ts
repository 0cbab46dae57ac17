import { describe, expect, it } from 'vitest';
import { guardRequest, tokenCookieName } from '../../../electron/host/loopback/request-guard';

const config = { port: 4321, token: 'secret-token' };
const cookie = `${tokenCookieName(4321)}=secret-token`;
const ok = { url: '/', host: '127.0.0.1:4321', origin: undefined, cookie };

describe('which requests the browser host answers', () => {
  it('answers the loopback host with the cookie, from no origin or its own', () => {
    expect(guardRequest(ok, config)).toEqual({ kind: 'allow' });
    expect(guardRequest({ ...ok, origin: 'http://127.0.0.1:4321' }, config)).toEqual({ kind: 'allow' });
    expect(guardRequest({ ...ok, host: 'localhost:4321', origin: 'http://localhost:4321' }, config)).toEqual({
      kind: 'allow',
    });
  });

  it('swaps a right token in the URL for the cookie, keeping the rest of the address', () => {
    expect(
      guardRequest({ ...ok, cookie: undefined, url: '/?token=secret-token&view=failed' }, config),
    ).toEqual({
      kind: 'exchange_token',
      location: '/?view=failed',
    });
  });

  it('refuses a missing or wrong token', () => {
    expect(guardRequest({ ...ok, cookie: undefined }, config)).toMatchObject({ kind: 'deny', status: 401 });
    expect(guardRequest({ ...ok, cookie: `${tokenCookieName(4321)}=secret-tokeN` }, config)).toMatchObject({
      kind: 'deny',
      status: 401,
    });
    expect(guardRequest({ ...ok, cookie: `${tokenCookieName(9999)}=secret-token` }, config)).toMatchObject({
      kind: 'deny',
      status: 401,
    });
    expect(guardRequest({ ...ok, url: '/?token=secret' }, config)).toMatchObject({
      kind: 'deny',
      status: 403,
    });
  });

  it('refuses foreign origins, and a missing origin where one is required', () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:4322', 'https://127.0.0.1:4321', 'null']) {
      expect(guardRequest({ ...ok, origin }, config)).toMatchObject({ kind: 'deny', status: 403 });
    }
    expect(guardRequest(ok, config, { requireOrigin: true })).toMatchObject({ kind: 'deny', status: 403 });
  });

  it('refuses a Host that is not the loopback address and port (DNS rebinding)', () => {
    for (const host of ['evil.example:4321', '127.0.0.1:80', '127.0.0.1', '192.168.1.2:4321', undefined]) {
      expect(guardRequest({ ...ok, host }, config)).toMatchObject({ kind: 'deny', status: 403 });
    }
  });
});
