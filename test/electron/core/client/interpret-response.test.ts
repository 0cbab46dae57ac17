import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretResponse, parseStatusBody, validateStatusBody } from '../../../../electron/core/client';
import {
  AuthError,
  InvalidResponseError,
  NotFoundError,
  RateLimitedError,
  RequestRejectedError,
  ServerError,
  SmsbatError,
  WrongBaseUrlError,
} from '../../../../electron/core/errors';

const BASIC =
  '{"messagelistId":123456,"messageId":"abc123def456","deliverystatus":"delivered","partscount":1,"cost":0.05}';
const EXTENDED = JSON.stringify({
  messagelistId: 123456,
  messageId: 'abc123def456',
  deliverystatus: 'delivered',
  partscount: 1,
  cost: 0.05,
  fallbacks: [{ type: 'sms', status: 'not_used' }],
  extendedStatuses: { viber: 'delivered', sms: 'not_used' },
  rate: 0.05,
  rateAmount: 0.05,
  rateCurrency: 'USD',
  billAmount: 0.05,
  billCurrency: 'USD',
});
const SHAPE_1 = '{"status":400,"error":"Bad Request","message":"Invalid message id","code":1001}';
const SHAPE_2 = '{"error":{"code":"INVALID_RECIPIENT","message":"Recipient is not valid"}}';
const SHAPE_3 = '{"error":"Too Many Requests","message":"Rate limit exceeded, slow down","status":429}';

/** Runs interpretResponse and returns what it threw. */
function thrown(status: number, body: string, headers: Record<string, string> = {}, nowMs?: number): unknown {
  try {
    interpretResponse('abc123', status, headers, body, nowMs);
  } catch (error) {
    return error;
  }
  throw new Error(`expected HTTP ${status} to throw`);
}

describe('interpretResponse: successful responses', () => {
  it('reads the basic response from the seed document', () => {
    expect(interpretResponse('abc123def456', 200, {}, BASIC)).toEqual({
      messageId: 'abc123def456',
      messagelistId: 123456,
      rawStatus: 'delivered',
      kind: 'delivered',
      partsCount: 1,
      charge: { amount: 0.05, currency: null },
      rate: null,
      channels: [],
      fallbacks: [],
    });
  });

  it('reads the extended response: bill with currency, rate, channels and fallbacks', () => {
    expect(interpretResponse('abc123def456', 200, {}, EXTENDED)).toEqual({
      messageId: 'abc123def456',
      messagelistId: 123456,
      rawStatus: 'delivered',
      kind: 'delivered',
      partsCount: 1,
      charge: { amount: 0.05, currency: 'USD' },
      rate: { amount: 0.05, currency: 'USD' },
      channels: [
        { channel: 'viber', status: 'delivered' },
        { channel: 'sms', status: 'not_used' },
      ],
      fallbacks: [{ type: 'sms', status: 'not_used' }],
    });
  });

  it.each([
    ['scheduled', 'pending'],
    ['processing', 'pending'],
    ['undeliverable', 'failed'],
    ['permanenterror', 'failed'],
  ] as const)('reads the seed example for %s as %s', (status, kind) => {
    const snapshot = interpretResponse(
      'm1',
      200,
      {},
      JSON.stringify({ deliverystatus: status, partscount: 1 }),
    );
    expect(snapshot.kind).toBe(kind);
    expect(snapshot.rawStatus).toBe(status);
  });

  it('accepts early states without a cost, and uses the requested id when messageId is missing', () => {
    const snapshot = interpretResponse('my-id', 200, {}, '{"deliverystatus":"scheduled","partscount":1}');
    expect(snapshot).toMatchObject({ messageId: 'my-id', charge: null, messagelistId: null, partsCount: 1 });
  });

  it('keeps a zero cost of a failed message as a charge of 0, currency unknown', () => {
    const snapshot = interpretResponse(
      'm1',
      200,
      {},
      '{"deliverystatus":"undeliverable","partscount":1,"cost":0.00}',
    );
    expect(snapshot.charge).toEqual({ amount: 0, currency: null });
  });

  it('accepts numbers sent as numeric strings', () => {
    const body =
      '{"deliverystatus":"delivered","partscount":"2","cost":"0.05","messagelistId":"77","rateAmount":" 0.025 "}';
    expect(interpretResponse('m1', 200, {}, body)).toMatchObject({
      partsCount: 2,
      messagelistId: 77,
      charge: { amount: 0.05, currency: null },
      rate: { amount: 0.025, currency: null },
    });
  });

  it('keeps an unknown status raw, with kind unknown', () => {
    const snapshot = interpretResponse('m1', 200, {}, '{"deliverystatus":"Mystery"}');
    expect(snapshot).toMatchObject({ rawStatus: 'Mystery', kind: 'unknown' });
    const inherited = interpretResponse('m1', 200, {}, '{"deliverystatus":"constructor"}');
    expect(inherited).toMatchObject({ rawStatus: 'constructor', kind: 'unknown' });
  });

  it('never assumes USD: cost alone has an unknown currency, a bill brings its own', () => {
    const costOnly = interpretResponse(
      'm1',
      200,
      {},
      '{"deliverystatus":"delivered","cost":1.5,"rateCurrency":"UAH"}',
    );
    expect(costOnly.charge).toEqual({ amount: 1.5, currency: null });
    const billed = interpretResponse(
      'm1',
      200,
      {},
      '{"deliverystatus":"delivered","cost":1.5,"billAmount":2,"billCurrency":"UAH"}',
    );
    expect(billed.charge).toEqual({ amount: 2, currency: 'UAH' });
    const billNoCurrency = interpretResponse('m1', 200, {}, '{"deliverystatus":"delivered","billAmount":2}');
    expect(billNoCurrency.charge).toEqual({ amount: 2, currency: null });
  });

  it('uses rate when rateAmount is missing', () => {
    const snapshot = interpretResponse(
      'm1',
      200,
      {},
      '{"deliverystatus":"delivered","rate":"0.3","rateCurrency":"EUR"}',
    );
    expect(snapshot.rate).toEqual({ amount: 0.3, currency: 'EUR' });
  });

  it('ignores extra fields and treats null optional fields as absent', () => {
    const body =
      '{"deliverystatus":"delivered","cost":null,"timestamp":"2025-01-23T10:30:00Z","extra":{"a":[1]}}';
    expect(interpretResponse('m1', 200, {}, body)).toMatchObject({ charge: null, kind: 'delivered' });
  });
});

describe('interpretResponse: a 2xx that is not the status JSON', () => {
  it.each([
    ['not JSON', '<html>OK</html>', /not JSON/],
    ['truncated JSON', '{"deliverystatus":"deliv', /not JSON/],
    ['empty', '', /empty/],
    ['deliverystatus a number', '{"deliverystatus":42}', /deliverystatus: expected string/],
    ['deliverystatus missing', '{"partscount":1}', /deliverystatus: missing/],
    ['deliverystatus empty', '{"deliverystatus":""}', /deliverystatus: expected a non-empty string/],
    ['cost not a number', '{"deliverystatus":"delivered","cost":"abc"}', /cost: expected a number/],
    [
      'partscount an object',
      '{"deliverystatus":"delivered","partscount":{}}',
      /partscount: expected a number/,
    ],
    ['a list, not an object', '[{"deliverystatus":"delivered"}]', /body: expected object/],
    [
      'a bad fallback',
      '{"deliverystatus":"delivered","fallbacks":[{"type":7,"status":"x"}]}',
      /fallbacks\[0\]\.type/,
    ],
  ])('rejects %s with InvalidResponseError saying what was wrong', (_name, body, message) => {
    const error = thrown(200, body);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).message).toMatch(message);
    expect((error as InvalidResponseError).message).not.toContain('\n');
    expect(error).toMatchObject({ httpStatus: 200, apiCode: null });
  });
});

describe('interpretResponse: error statuses', () => {
  it.each([
    [401, AuthError, /rejected the credentials/],
    [403, AuthError, /no permission, or the account is suspended/],
    [404, NotFoundError, /does not know message "abc123"/],
    [429, RateLimitedError, /limiting/],
    [500, ServerError, /failed to answer/],
    [502, ServerError, /failed to answer/],
    [503, ServerError, /failed to answer/],
    [504, ServerError, /failed to answer/],
    [400, RequestRejectedError, /rejected the request/],
    [415, RequestRejectedError, /rejected the request/],
    [422, RequestRejectedError, /rejected the request/],
  ] as const)('HTTP %i throws %o', (status, type, message) => {
    const error = thrown(status, '');
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ httpStatus: status, apiCode: null });
    expect((error as SmsbatError).message).toMatch(message);
  });

  it('reports a redirect as an unexpected answer, pointing at the base URL', () => {
    const error = thrown(301, '');
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as SmsbatError).message).toMatch(/base URL/);
  });

  it.each([
    ['{status, error, message, code}', SHAPE_1, 'Invalid message id', 1001],
    ['{error: {code, message}}', SHAPE_2, 'Recipient is not valid', 'INVALID_RECIPIENT'],
    ['{error, message, status}', SHAPE_3, 'Rate limit exceeded, slow down', null],
  ])('carries SMSBAT words and code from the %s body', (_shape, body, words, code) => {
    const error = thrown(400, body) as SmsbatError;
    expect(error.message).toContain(words);
    expect(error.apiCode).toBe(code);
  });

  it('quotes SMSBAT words in an auth error', () => {
    const error = thrown(401, '{"error":{"code":"UNAUTHORIZED","message":"API key revoked"}}') as SmsbatError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/rejected the credentials: API key revoked/);
    expect(error.apiCode).toBe('UNAUTHORIZED');
  });

  it('falls back to the HTTP status text when the body is not usable', () => {
    expect((thrown(503, '<html>down</html>') as SmsbatError).message).toContain('Service Unavailable');
    expect((thrown(502, '') as SmsbatError).message).toContain('Bad Gateway');
    expect((thrown(500, '{"unrelated":true}') as SmsbatError).message).toContain('Internal Server Error');
  });
});

describe('interpretResponse: a 404 that is not SMSBAT', () => {
  const BASE = 'https://sms.example.test/prefix';
  const run404 = (body: string): unknown => {
    try {
      interpretResponse('abc123', 404, {}, body, 0, [], BASE);
    } catch (error) {
      return error;
    }
    throw new Error('expected HTTP 404 to throw');
  };

  it.each([
    ['an HTML page', '<html><body>Not Found</body></html>', /HTML page/],
    ['plain text', 'Not Found', /not JSON/],
    ['JSON without an error field', '{"detail":"Not Found"}', /JSON that is not an SMSBAT error/],
    ['a JSON list', '[]', /JSON that is not an SMSBAT error/],
  ])('is a WrongBaseUrlError for %s, naming the base URL', (_what, body, words) => {
    const error = run404(body);
    expect(error).toBeInstanceOf(WrongBaseUrlError);
    expect(error).toMatchObject({ baseUrl: BASE, httpStatus: 404 });
    expect((error as Error).message).toMatch(words);
  });

  it.each([
    ['{status, error, message, code}', '{"status":404,"error":"Not Found","message":"Gone","code":1004}'],
    ['{error: {code, message}}', '{"error":{"code":"MESSAGE_NOT_FOUND","message":"Gone"}}'],
    ['{error: {code}}', '{"error":{"code":1004}}'],
    ['{error, message, status}', '{"error":"Not Found","message":"Gone","status":404}'],
    ['an empty body', ''],
    ['a blank body', ' \n'],
  ])("is a NotFoundError for SMSBAT's %s", (_what, body) => {
    expect(run404(body)).toBeInstanceOf(NotFoundError);
  });
});

describe('interpretResponse: Retry-After on 429', () => {
  it('reads delta-seconds', () => {
    const error = thrown(429, SHAPE_3, { 'retry-after': '5' }) as RateLimitedError;
    expect(error.retryAfterMs).toBe(5000);
    expect(error.message).toMatch(/retry after 5 s/);
  });

  it('reads an HTTP-date relative to now, whatever the header name case', () => {
    const now = Date.UTC(2025, 0, 23, 10, 30, 0);
    const error = thrown(
      429,
      '',
      { 'Retry-After': 'Thu, 23 Jan 2025 10:30:12 GMT' },
      now,
    ) as RateLimitedError;
    expect(error.retryAfterMs).toBe(12_000);
  });

  it('has no retryAfterMs without the header or with garbage', () => {
    expect((thrown(429, SHAPE_3) as RateLimitedError).retryAfterMs).toBeNull();
    expect((thrown(429, '', { 'retry-after': 'soon' }) as RateLimitedError).retryAfterMs).toBeNull();
    expect((thrown(429, '', { 'retry-after': '-3' }) as RateLimitedError).retryAfterMs).toBeNull();
  });
});

describe('status body validation, property-based', () => {
  const onlyInvalidResponse = (run: () => unknown): void => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidResponseError);
    }
  };

  it('throws nothing but InvalidResponseError for arbitrary JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        onlyInvalidResponse(() => parseStatusBody('m1', 200, text));
      }),
    );
  });

  it('throws nothing but InvalidResponseError for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        onlyInvalidResponse(() => interpretResponse('m1', 200, {}, text));
      }),
    );
  });

  it('throws nothing but InvalidResponseError for arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }),
        (value) => {
          onlyInvalidResponse(() => validateStatusBody('m1', 200, value));
        },
      ),
    );
  });

  it('never throws for error statuses other than the SmsbatError it should', () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 599 }), fc.string(), (status, body) => {
        try {
          interpretResponse('m1', status, { 'retry-after': body }, body);
        } catch (error) {
          expect(error).toBeInstanceOf(SmsbatError);
        }
      }),
    );
  });

  it('accepts any object with a non-empty string deliverystatus plus arbitrary extra fields', () => {
    const reserved = new Set([
      'deliverystatus',
      'messageId',
      'messagelistId',
      'partscount',
      'cost',
      'fallbacks',
      'extendedStatuses',
      'rate',
      'rateAmount',
      'rateCurrency',
      'billAmount',
      'billCurrency',
    ]);
    const extras = fc.dictionary(
      fc.string().filter((key) => !reserved.has(key)),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(
        fc.string().filter((s) => s.trim() !== ''),
        extras,
        (status, extra) => {
          const snapshot = parseStatusBody('m1', 200, JSON.stringify({ ...extra, deliverystatus: status }));
          expect(snapshot.rawStatus).toBe(status);
          expect(snapshot.messageId).toBe('m1');
        },
      ),
    );
  });
});
