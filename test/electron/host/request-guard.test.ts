import { describe, expect, it } from 'vitest';
import { guardRequest, isRunToken } from '../../../electron/host/loopback/request-guard';
import { linkProtocols, tokenFromProtocols } from '../../../shared/browser-link';

const config = { port: 4321 };
const ok = { host: '127.0.0.1:4321', origin: undefined };

describe('which requests the browser host answers', () => {
  it('answers the loopback host from no origin or its own', () => {
    expect(guardRequest(ok, config)).toEqual({ kind: 'allow' });
    expect(guardRequest({ ...ok, origin: 'http://127.0.0.1:4321' }, config)).toEqual({ kind: 'allow' });
    expect(guardRequest({ host: 'localhost:4321', origin: 'http://localhost:4321' }, config)).toEqual({
      kind: 'allow',
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

describe("the run's token in the WebSocket handshake", () => {
  it('is offered after the link protocol and read back from the header', () => {
    expect(linkProtocols('abc_-9')).toEqual(['smsbat-monitor.v1', 'token.abc_-9']);
    expect(linkProtocols(null)).toEqual(['smsbat-monitor.v1']);
    expect(tokenFromProtocols('smsbat-monitor.v1, token.abc_-9')).toBe('abc_-9');
    expect(tokenFromProtocols('smsbat-monitor.v1')).toBeNull();
    expect(tokenFromProtocols(undefined)).toBeNull();
  });

  it("matches only this run's token, exactly", () => {
    expect(isRunToken('secret-token', 'secret-token')).toBe(true);
    for (const given of ['secret-tokeN', 'secret-toke', 'secret-token ', '', null]) {
      expect(isRunToken(given, 'secret-token')).toBe(false);
    }
  });
});
