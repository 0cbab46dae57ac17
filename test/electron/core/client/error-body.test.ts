import { describe, expect, it } from 'vitest';
import { parseErrorBody, secretsOf } from '../../../../electron/core/client';

describe('parseErrorBody', () => {
  it('reads {status, error, message, code}', () => {
    const body = '{"status":400,"error":"Bad Request","message":"Message id is malformed","code":1001}';
    expect(parseErrorBody(400, body)).toEqual({
      message: 'Message id is malformed',
      apiCode: 1001,
      fromBody: true,
    });
  });

  it('reads {error: {code, message}}', () => {
    const body = '{"error":{"code":"INVALID_RECIPIENT","message":"Recipient is not valid"}}';
    expect(parseErrorBody(422, body)).toEqual({
      message: 'Recipient is not valid',
      apiCode: 'INVALID_RECIPIENT',
      fromBody: true,
    });
  });

  it('reads {error, message, status}', () => {
    const body = '{"error":"Too Many Requests","message":"Rate limit exceeded. Retry later.","status":429}';
    expect(parseErrorBody(429, body)).toEqual({
      message: 'Rate limit exceeded. Retry later.',
      apiCode: null,
      fromBody: true,
    });
  });

  it('uses a bare error string when there is no message', () => {
    expect(parseErrorBody(403, '{"error":"Account suspended"}').message).toBe('Account suspended');
  });

  it.each([
    ['empty', ''],
    ['HTML', '<html><body>502 Bad Gateway</body></html>'],
    ['JSON null', 'null'],
    ['a JSON list', '["x"]'],
    ['unrelated JSON', '{"ok":false}'],
    ['blank message', '{"message":"   "}'],
  ])('falls back to the HTTP status text for a %s body', (_name, body) => {
    expect(parseErrorBody(502, body)).toEqual({ message: 'Bad Gateway', apiCode: null, fromBody: false });
  });

  it('keeps the code even when the body has no usable message', () => {
    expect(parseErrorBody(500, '{"code":2001}')).toEqual({
      message: 'Internal Server Error',
      apiCode: 2001,
      fromBody: false,
    });
  });

  it('names statuses without standard text by number', () => {
    expect(parseErrorBody(599, '').message).toBe('HTTP 599');
  });

  it('flattens and shortens long, multi-line messages for a one-line display', () => {
    const body = JSON.stringify({ message: `line one\nline\ttwo ${'x'.repeat(1000)}` });
    const { message } = parseErrorBody(400, body);
    expect(message).toMatch(/^line one line two x+…$/);
    expect(message.length).toBeLessThanOrEqual(300);
  });

  it('masks secrets before shortening, wherever they fall', () => {
    const key = 'K7q-Zp93-wLmN-4tRv-8sYb-Hx2c';
    const secrets = secretsOf({ method: 'api-key-header', apiKey: key });
    for (let offset = 250; offset <= 300; offset++) {
      const body = JSON.stringify({
        message: `${'x'.repeat(offset)} ${key} end`,
        code: `${'y'.repeat(offset)}${key}`,
      });
      const said = parseErrorBody(401, body, secrets);
      expect(said.message).not.toContain(key.slice(0, 4));
      expect(String(said.apiCode)).not.toContain(key.slice(0, 4));
    }
  });

  it('leaves text alone for secrets shorter than four characters', () => {
    const secrets = secretsOf({ method: 'basic', username: 'jo', password: 'e' });
    expect(secrets).not.toContain('e');
    expect(parseErrorBody(401, '{"message":"The password entered is wrong"}', secrets).message).toBe(
      'The password entered is wrong',
    );
  });
});
