import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, takeRunToken, tokenFromAddress } from '../../../renderer/src/transport/run-token';

function places(href: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored === null ? [] : [[TOKEN_STORAGE_KEY, stored]]);
  const replaced: string[] = [];
  return {
    replaced,
    storage,
    places: {
      location: { href },
      history: {
        replaceState: (_data: unknown, _unused: string, url: string) => {
          replaced.push(url);
        },
      },
      storage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => {
          storage.set(key, value);
        },
      },
    },
  };
}

describe("the run's token in the window's address", () => {
  it('is read from the fragment (as printed) or the query, and removed from the address', () => {
    expect(tokenFromAddress('http://127.0.0.1:4000/#token=abc_-1')).toEqual({
      token: 'abc_-1',
      cleanHref: 'http://127.0.0.1:4000/',
    });
    expect(tokenFromAddress('http://127.0.0.1:4000/?token=abc&view=failed')).toEqual({
      token: 'abc',
      cleanHref: 'http://127.0.0.1:4000/?view=failed',
    });
    expect(tokenFromAddress('http://127.0.0.1:4000/#token=new&x=1')).toEqual({
      token: 'new',
      cleanHref: 'http://127.0.0.1:4000/#x=1',
    });
    expect(tokenFromAddress('http://127.0.0.1:4000/')).toEqual({
      token: null,
      cleanHref: 'http://127.0.0.1:4000/',
    });
  });

  it('is kept for the tab and wiped from the address bar, so a reload still connects', () => {
    const first = places('http://127.0.0.1:4000/#token=abc');
    expect(takeRunToken(first.places)).toBe('abc');
    expect(first.replaced).toEqual(['http://127.0.0.1:4000/']);
    expect(first.storage.get(TOKEN_STORAGE_KEY)).toBe('abc');

    const reload = places('http://127.0.0.1:4000/', 'abc');
    expect(takeRunToken(reload.places)).toBe('abc');
    expect(reload.replaced).toEqual([]);
  });

  it('takes a new address over the kept token, and has none when neither holds one', () => {
    const newer = places('http://127.0.0.1:4000/#token=new', 'old');
    expect(takeRunToken(newer.places)).toBe('new');
    expect(newer.storage.get(TOKEN_STORAGE_KEY)).toBe('new');
    expect(takeRunToken(places('http://127.0.0.1:4000/').places)).toBeNull();
  });
});
