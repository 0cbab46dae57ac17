import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../../electron/core/credentials';
import {
  MIN_MASKED_SECRET_CHARS,
  SECRET_MASK,
  maskSecrets,
  secretsOf,
} from '../../../electron/core/secret-mask';

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

function base64Url(text: string): string {
  return base64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Printable ASCII, as keys and passwords are typed. */
const secretText = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
  minLength: 8,
  maxLength: 48,
});

/** Words around an echo, from letters no key, password or base64 uses, so they can never hold a secret. */
const filler = fc.string({ unit: fc.constantFrom('ж', 'ї', 'є', ' ', '\n', '—'), maxLength: 20 });

const letterCase = fc.constantFrom(
  (text: string) => text,
  (text: string) => text.toUpperCase(),
  (text: string) => text.toLowerCase(),
);

const credentials: fc.Arbitrary<Credentials> = fc.oneof(
  secretText.map((apiKey): Credentials => ({ method: 'api-key-header', apiKey })),
  secretText.map((apiKey): Credentials => ({ method: 'basic-api-key', apiKey })),
  fc
    .tuple(
      secretText.filter((user) => !user.includes(':')),
      secretText,
    )
    .map(([username, password]): Credentials => ({ method: 'basic', username, password })),
);

/** Every way the client sends (or a gateway could echo) the secret of these credentials. */
function echoesOf(given: Credentials): string[] {
  if (given.method === 'basic') {
    const pair = `${given.username}:${given.password}`;
    return [
      given.password,
      pair,
      base64(pair),
      base64Url(pair),
      base64(given.password),
      `Basic ${base64(pair)}`,
    ];
  }
  const key = given.apiKey;
  return [key, base64(`@:${key}`), base64Url(`@:${key}`), base64(key), base64Url(key), JSON.stringify(key)];
}

function secretOf(given: Credentials): string {
  return given.method === 'basic' ? given.password : given.apiKey;
}

describe('masking secrets', () => {
  it('leaves no echo of a credential, in any form the client sends and any letter case', () => {
    fc.assert(
      fc.property(
        credentials,
        fc.array(fc.tuple(filler, fc.nat(5), letterCase), { minLength: 1, maxLength: 4 }),
        filler,
        (given, pieces, tail) => {
          const echoes = echoesOf(given);
          const text =
            pieces.map(([before, which, cased]) => `${before}${cased(echoes[which] ?? '')}`).join('') + tail;
          const masked = maskSecrets(text, secretsOf(given)).toLowerCase();
          for (const echo of [...echoes, secretOf(given)]) {
            // Up to three characters of an encoded form may stay (they also depend on what follows).
            expect(masked).not.toContain(echo.toLowerCase().slice(0, Math.max(4, echo.length - 3)));
          }
        },
      ),
    );
  });

  it('never leaves the secret in the text, whatever surrounds it and whatever it holds', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: MIN_MASKED_SECRET_CHARS, maxLength: 12 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 6 }),
        (key, parts) => {
          const text = parts.join(key);
          const masked = maskSecrets(text, secretsOf({ method: 'api-key-header', apiKey: key }));
          expect(masked.toLowerCase()).not.toContain(key.toLowerCase());
        },
      ),
    );
  });

  it('changes nothing in a text without the secret', () => {
    fc.assert(
      fc.property(credentials, filler, (given, text) => {
        expect(maskSecrets(text, secretsOf(given))).toBe(text);
      }),
    );
  });

  it('masks nothing for secrets shorter than the least length, and masks at exactly that length', () => {
    const short = 'x'.repeat(MIN_MASKED_SECRET_CHARS - 1);
    const exact = 'y'.repeat(MIN_MASKED_SECRET_CHARS);
    expect(maskSecrets(`a ${short} b`, [short])).toBe(`a ${short} b`);
    expect(maskSecrets(`a ${exact.toUpperCase()} b`, [exact])).toBe(`a ${SECRET_MASK} b`);
    expect(secretsOf({ method: 'basic', username: 'jo', password: 'pw' })).not.toContain('pw');
  });
});
