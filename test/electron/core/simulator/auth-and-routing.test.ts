import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, createSimulator } from '../../../../electron/core/simulator';
import { AUTH, asResponse, basic, jsonOf, manualClock } from './sim-test-kit';

const path = '/bat/message/abc123def456';

describe('simulator auth', () => {
  it.each(Object.entries(AUTH))('accepts %s and answers the message status', (_method, headers) => {
    const simulator = createSimulator({ clock: manualClock() });
    const reply = asResponse(simulator.handle({ method: 'GET', path, headers }));
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(jsonOf(reply)).toMatchObject({ messageId: 'abc123def456', deliverystatus: 'scheduled' });
  });

  it.each([
    ['no credentials', {}],
    ['a wrong key', { 'x-authorization-key': 'nope' }],
    ['a wrong password', { authorization: basic(DEMO_CREDENTIALS.username, 'nope') }],
    ['a wrong key as Basic @', { authorization: basic('@', 'nope') }],
    ['the password used as the @ key', { authorization: basic('@', DEMO_CREDENTIALS.password) }],
    ['a Bearer token', { authorization: `Bearer ${DEMO_CREDENTIALS.apiKey}` }],
  ])('rejects %s with a 401 and a parseable error body', (_name, headers) => {
    const simulator = createSimulator({ clock: manualClock() });
    const reply = asResponse(simulator.handle({ method: 'GET', path, headers }));
    expect(reply.status).toBe(401);
    expect(JSON.stringify(jsonOf(reply))).toMatch(/Unauthorized|UNAUTHORIZED/);
  });

  it('honours custom credentials', () => {
    const credentials = { apiKey: 'k-1', username: 'u', password: 'p' };
    const simulator = createSimulator({ clock: manualClock(), credentials });
    expect(simulator.credentials).toEqual(credentials);
    const ok = simulator.handle({ method: 'GET', path, headers: { authorization: basic('u', 'p') } });
    const demo = simulator.handle({ method: 'GET', path, headers: AUTH['api-key-header'] });
    expect(asResponse(ok).status).toBe(200);
    expect(asResponse(demo).status).toBe(401);
  });

  it('rejects everything with rejectAllAuth, even good credentials, until switched off', () => {
    const simulator = createSimulator({ clock: manualClock(), faults: { rejectAllAuth: true } });
    for (const headers of Object.values(AUTH)) {
      expect(asResponse(simulator.handle({ method: 'GET', path, headers })).status).toBe(401);
    }
    expect(simulator.requests().every((r) => r.fault === 'reject-all-auth')).toBe(true);
    simulator.setFaults({});
    expect(asResponse(simulator.handle({ method: 'GET', path, headers: AUTH.basic })).status).toBe(200);
  });
});

describe('simulator error bodies', () => {
  it('rotates among the three documented shapes, each with the right status words', () => {
    const simulator = createSimulator({ clock: manualClock() });
    const bodies = [0, 1, 2].map(() => jsonOf(simulator.handle({ method: 'GET', path, headers: {} })));
    expect(bodies).toContainEqual({
      status: 401,
      error: 'Unauthorized',
      message: expect.any(String) as unknown,
      code: expect.any(Number) as unknown,
    });
    expect(bodies).toContainEqual({
      error: { code: 'UNAUTHORIZED', message: expect.any(String) as unknown },
    });
    expect(bodies).toContainEqual({
      error: 'Unauthorized',
      message: expect.any(String) as unknown,
      status: 401,
    });
  });
});

describe('simulator routing', () => {
  const simulator = createSimulator({ clock: manualClock() });
  const ask = (method: string, target: string) =>
    asResponse(simulator.handle({ method, path: target, headers: AUTH['api-key-header'] }));

  it('decodes the id from one URL-encoded path segment and ignores the query', () => {
    expect(jsonOf(ask('GET', '/bat/message/a%3Ab'))).toMatchObject({ messageId: 'a:b' });
    expect(jsonOf(ask('GET', '/bat/message/x.1;2?cache=no'))).toMatchObject({ messageId: 'x.1;2' });
  });

  it.each([
    '/bat/message/a/b',
    '/bat/message/',
    '/bat/message',
    '/bat/messagelist',
    '/',
    '/bat/message/a%2Fb',
    '/bat/message/has%20space',
    '/bat/message/%E0%A4%A',
    `/bat/message/${'x'.repeat(129)}`,
    '/bat/message/missing-42',
  ])('answers 404 with an error body for %s', (target) => {
    const reply = ask('GET', target);
    expect(reply.status).toBe(404);
    expect(JSON.stringify(jsonOf(reply))).toMatch(/not found|NOT_FOUND/i);
  });

  it('answers 405 with Allow: GET to other methods on a message path', () => {
    const reply = ask('POST', '/bat/message/abc');
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET');
    expect(jsonOf(reply)).toBeTruthy();
  });

  it('accepts the longest well-formed id', () => {
    expect(ask('GET', `/bat/message/${'x'.repeat(128)}`).status).toBe(200);
  });
});

describe('simulator request log', () => {
  it('records time, decoded id, method, path, auth method, outcome; never the credentials', () => {
    const clock = manualClock();
    const simulator = createSimulator({ clock });
    simulator.handle({ method: 'GET', path: '/bat/message/a%3Ab', headers: AUTH.basic });
    clock.advance(250);
    simulator.handle({
      method: 'GET',
      path: '/bat/message/zz',
      headers: { 'x-authorization-key': 'bad-key' },
    });
    simulator.handle({ method: 'GET', path: '/elsewhere', headers: AUTH['basic-api-key'] });

    expect(simulator.requests()).toEqual([
      {
        at: clock.now() - 250,
        messageId: 'a:b',
        method: 'GET',
        path: '/bat/message/a%3Ab',
        auth: 'basic',
        authorized: true,
        status: 200,
        fault: null,
      },
      {
        at: clock.now(),
        messageId: 'zz',
        method: 'GET',
        path: '/bat/message/zz',
        auth: 'api-key-header',
        authorized: false,
        status: 401,
        fault: null,
      },
      {
        at: clock.now(),
        messageId: null,
        method: 'GET',
        path: '/elsewhere',
        auth: 'basic-api-key',
        authorized: true,
        status: 404,
        fault: null,
      },
    ]);
    const logged = JSON.stringify(simulator.requests());
    for (const secret of [
      DEMO_CREDENTIALS.apiKey,
      DEMO_CREDENTIALS.password,
      'bad-key',
      AUTH.basic.authorization,
      AUTH['basic-api-key'].authorization,
    ]) {
      expect(logged).not.toContain(secret);
    }

    simulator.clearRequests();
    expect(simulator.requests()).toEqual([]);
  });
});

describe('simulator options', () => {
  it.each([
    [{ seed: 1.5 }, /seed/],
    [{ rateLimit: { perSecond: 0, burst: 1 } }, /rateLimit/],
    [{ credentials: { apiKey: '', username: 'u', password: 'p' } }, /credentials.apiKey/],
    [{ faults: { hangRate: 2 } }, /faults.hangRate/],
    [{ faults: { errorRates: { 200: 0.1 } } }, /errorRates/],
    [{ faults: { resetRate: 0.6, hangRate: 0.6 } }, /add up/],
    [{ latencyMs: -1 }, /latencyMs/],
  ])('throws a TypeError naming the bad option %j', (options, message) => {
    expect(() => createSimulator(options)).toThrow(TypeError);
    expect(() => createSimulator(options)).toThrow(message);
  });
});
