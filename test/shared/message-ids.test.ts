import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_MESSAGE_ID_LENGTH, isValidMessageId, parseMessageIds } from '../../shared/message-ids';

const ID_CHARACTERS = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:');
const SEPARATORS = ['\n', '\r\n', '\r', ',', ';', ' ', '\t'];
const QUOTES = ['"', "'", '`', '“', '”', '‘', '’'];

/** Any valid message id: 1 to 128 allowed characters, not only dots. */
const validId = fc
  .string({ unit: fc.constantFrom(...ID_CHARACTERS), minLength: 1, maxLength: MAX_MESSAGE_ID_LENGTH })
  .filter((id) => !/^\.+$/.test(id));
/** Ids drawn from a tiny pool as well, so that repeats are common. */
const maybeRepeatedId = fc.oneof(validId, fc.constantFrom('abc123', 'ABC123', 'x:1'));
const separatorRun = (minLength: number) =>
  fc.string({ unit: fc.constantFrom(...SEPARATORS), minLength, maxLength: 4 });
const quoteRun = fc.string({ unit: fc.constantFrom(...QUOTES), maxLength: 3 });

/** The ids in first-seen order without repeats. */
function uniqueInOrder(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

describe('parseMessageIds: separators and quotes', () => {
  it('splits on any mix of newlines, commas, semicolons, spaces and tabs, ignoring blank lines', () => {
    const text = 'id-1\r\nid-2,id-3;id-4 id-5\tid-6\rid-7\n\n\n  ,;, \r\n\r\nid-8\n';
    expect(parseMessageIds(text)).toEqual({
      ids: ['id-1', 'id-2', 'id-3', 'id-4', 'id-5', 'id-6', 'id-7', 'id-8'],
      duplicates: 0,
      rejected: [],
    });
  });

  it('reads a column pasted from a spreadsheet, with no-break spaces and a byte-order mark', () => {
    expect(parseMessageIds('\uFEFFabc\u00A0\ndef\u00A0\n').ids).toEqual(['abc', 'def']);
  });

  it('returns nothing, and no errors, for empty or blank text', () => {
    for (const text of ['', '   ', '\n\r\n\t', ',;,;']) {
      expect(parseMessageIds(text)).toEqual({ ids: [], duplicates: 0, rejected: [] });
    }
  });

  it('trims straight, backtick and typographic quotes, even several of them', () => {
    const text = `"a1" 'a2' \`a3\` “a4” ‘a5’ "'a6'" “‘a7’”`;
    expect(parseMessageIds(text).ids).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
  });

  it('reads a quoted CSV row', () => {
    expect(parseMessageIds('"abc123","def456","ghi789"\r\n').ids).toEqual(['abc123', 'def456', 'ghi789']);
  });

  it('accepts every allowed kind of character', () => {
    expect(parseMessageIds('Ab9-_.:z urn:msg:42 v1.2.3 .hidden a..b').ids).toEqual([
      'Ab9-_.:z',
      'urn:msg:42',
      'v1.2.3',
      '.hidden',
      'a..b',
    ]);
  });
});

describe('parseMessageIds: duplicates', () => {
  it('drops repeats, keeps the first occurrence order and counts what it dropped', () => {
    expect(parseMessageIds('b a b c a b')).toEqual({ ids: ['b', 'a', 'c'], duplicates: 3, rejected: [] });
  });

  it('treats ids differing only in case as different', () => {
    expect(parseMessageIds('abc ABC abc')).toEqual({ ids: ['abc', 'ABC'], duplicates: 1, rejected: [] });
  });

  it('sees a quoted and an unquoted copy of an id as a repeat', () => {
    expect(parseMessageIds('"abc" abc “abc”')).toEqual({ ids: ['abc'], duplicates: 2, rejected: [] });
  });
});

describe('parseMessageIds: rejected tokens', () => {
  it('rejects a token that is only quotes as empty', () => {
    const { ids, rejected } = parseMessageIds(`ok "" '' “”`);
    expect(ids).toEqual(['ok']);
    expect(rejected.map((r) => [r.token, r.reason])).toEqual([
      ['""', 'empty'],
      ["''", 'empty'],
      ['“”', 'empty'],
    ]);
    expect(rejected[0]?.message).toBe('"""" has no message id inside the quotes');
  });

  it('accepts an id of exactly 128 characters and rejects one of 129 as too long', () => {
    const longest = 'a'.repeat(MAX_MESSAGE_ID_LENGTH);
    const tooLong = 'b'.repeat(MAX_MESSAGE_ID_LENGTH + 1);
    const { ids, rejected } = parseMessageIds(`${longest}\n${tooLong}`);
    expect(ids).toEqual([longest]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBe('too_long');
    expect(rejected[0]?.token).toBe(tooLong);
    expect(rejected[0]?.message).toContain('129 characters long; a message id has at most 128');
  });

  it('shortens a long token in the message but keeps it whole in the token field', () => {
    const token = `https://example.com/${'x'.repeat(500)}`;
    const [rejection] = parseMessageIds(token).rejected;
    expect(rejection?.token).toBe(token);
    expect(rejection?.message.length).toBeLessThan(120);
    expect(rejection?.message).toContain('"https://example.com/');
    expect(rejection?.message).toContain('…');
  });

  it('names the first character that is not allowed', () => {
    const { ids, rejected } = parseMessageIds('abc/def good a+b/c');
    expect(ids).toEqual(['good']);
    expect(rejected).toEqual([
      {
        token: 'abc/def',
        reason: 'invalid_characters',
        message: '"abc/def" contains "/", which is not allowed in a message id',
      },
      {
        token: 'a+b/c',
        reason: 'invalid_characters',
        message: '"a+b/c" contains "+", which is not allowed in a message id',
      },
    ]);
  });

  it('names an invisible character by its code point', () => {
    const [rejection] = parseMessageIds('abc\u200Bdef').rejected;
    expect(rejection?.reason).toBe('invalid_characters');
    expect(rejection?.message).toContain('U+200B');
  });

  it('names an emoji whole, not half of it', () => {
    const [rejection] = parseMessageIds('id😀x').rejected;
    expect(rejection?.message).toContain('contains "😀"');
  });

  it('rejects ids made only of dots, which could change the request path', () => {
    const { ids, rejected } = parseMessageIds('. .. ... ".."');
    expect(ids).toEqual([]);
    expect(rejected.map((r) => r.reason)).toEqual([
      'invalid_characters',
      'invalid_characters',
      'invalid_characters',
      'invalid_characters',
    ]);
    expect(rejected[1]?.message).toBe('".." is only dots, which is not a message id');
  });

  it('rejects quotes inside an id', () => {
    const [rejection] = parseMessageIds(`ab"cd`).rejected;
    expect(rejection?.reason).toBe('invalid_characters');
  });

  it('lists every bad token, in order, alongside the good ids', () => {
    const result = parseMessageIds('one ?? two "" three');
    expect(result.ids).toEqual(['one', 'two', 'three']);
    expect(result.rejected.map((r) => r.token)).toEqual(['??', '""']);
  });
});

describe('isValidMessageId', () => {
  it.each(['abc123def456', 'A', 'urn:x:1', 'a.b', '.a', 'x'.repeat(128)])('accepts %j', (id) => {
    expect(isValidMessageId(id)).toBe(true);
  });

  it.each(['', '.', '..', 'a/b', '../x', 'a b', '"abc"', 'a%2F', 'é', 'x'.repeat(129)])(
    'rejects %j',
    (id) => {
      expect(isValidMessageId(id)).toBe(false);
    },
  );
});

describe('parseMessageIds: properties', () => {
  it('parses any valid ids, joined by any separators and wrapped in any quotes, back to the unique ids', () => {
    const pastedId = fc.record({
      id: maybeRepeatedId,
      open: quoteRun,
      close: quoteRun,
      gap: separatorRun(1),
    });
    fc.assert(
      fc.property(separatorRun(0), fc.array(pastedId, { maxLength: 30 }), (lead, tokens) => {
        const text = lead + tokens.map(({ id, open, close, gap }) => open + id + close + gap).join('');
        const ids = tokens.map((t) => t.id);
        const unique = uniqueInOrder(ids);
        expect(parseMessageIds(text)).toEqual({
          ids: unique,
          duplicates: ids.length - unique.length,
          rejected: [],
        });
      }),
    );
  });

  it('rejects any token with a disallowed character and never returns it as an id', () => {
    const disallowed = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 1 })
      .filter((c) => !ID_CHARACTERS.includes(c) && !/[\s,;]/u.test(c));
    const idPart = fc.string({ unit: fc.constantFrom(...ID_CHARACTERS), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(idPart, disallowed, idPart, (before, bad, after) => {
        const token = before + bad + after;
        const result = parseMessageIds(`good-1\n${token}\ngood-2`);
        expect(result.ids).toEqual(['good-1', 'good-2']);
        expect(result.rejected).toHaveLength(1);
        expect(result.rejected[0]?.token).toBe(token);
        expect(result.rejected[0]?.reason).toBe('invalid_characters');
        expect(result.rejected[0]?.message).toContain('which is not allowed in a message id');
      }),
    );
  });

  it('never throws, and only ever returns unique valid ids, whatever the text', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.string({ unit: fc.constantFrom(...ID_CHARACTERS, ...SEPARATORS, ...QUOTES, '/', '\u200B') }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const { ids, duplicates, rejected } = parseMessageIds(text);
        expect(ids.every(isValidMessageId)).toBe(true);
        expect(new Set(ids).size).toBe(ids.length);
        expect(duplicates).toBeGreaterThanOrEqual(0);
        for (const r of rejected) expect(r.message.length).toBeGreaterThan(0);
      }),
    );
  });

  it('agrees with isValidMessageId for a single unquoted token', () => {
    const token = fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((t) => {
      const hasSeparator = /[\s,;]/u.test(t);
      const hasQuoteAtEdge = QUOTES.some((q) => t.startsWith(q) || t.endsWith(q));
      return !hasSeparator && !hasQuoteAtEdge;
    });
    fc.assert(
      fc.property(fc.oneof(token, validId), (t) => {
        expect(parseMessageIds(t).ids).toEqual(isValidMessageId(t) ? [t] : []);
      }),
    );
  });
});
