/** Where the window keeps this run's token for the life of the tab (a reload keeps it, another tab does not). */
export const TOKEN_STORAGE_KEY = 'smsbat-monitor.token';

const TOKEN_KEY = 'token';

/**
 * Reads this run's token from an address (`#token=…`, as printed, or `?token=…`) and gives the address without
 * it; a token in both places is taken from the fragment.
 */
export function tokenFromAddress(href: string): {
  readonly token: string | null;
  readonly cleanHref: string;
} {
  const url = new URL(href);
  const fragment = new URLSearchParams(url.hash.startsWith('#') ? url.hash.slice(1) : url.hash);
  const token = fragment.get(TOKEN_KEY) ?? url.searchParams.get(TOKEN_KEY);
  if (token === null) return { token: null, cleanHref: href };
  fragment.delete(TOKEN_KEY);
  url.searchParams.delete(TOKEN_KEY);
  const rest = fragment.toString();
  url.hash = rest === '' ? '' : `#${rest}`;
  return { token: token === '' ? null : token, cleanHref: url.href };
}

/** The parts of the page the token is taken from and kept in. */
export interface TokenPlaces {
  readonly location: { readonly href: string };
  readonly history: { replaceState(data: unknown, unused: string, url: string): void };
  readonly storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/**
 * Takes this run's token from the address once: keeps it in session storage (so a reload still works) and removes
 * it from the address bar and the history. Without one in the address, the kept one; null when there is none.
 */
export function takeRunToken(places: TokenPlaces): string | null {
  const { token, cleanHref } = tokenFromAddress(places.location.href);
  if (cleanHref !== places.location.href) places.history.replaceState(null, '', cleanHref);
  if (token !== null) {
    places.storage.setItem(TOKEN_STORAGE_KEY, token);
    return token;
  }
  return places.storage.getItem(TOKEN_STORAGE_KEY);
}
