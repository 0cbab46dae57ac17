import type { AggregateSeverity, AggregateState } from '../../../shared/aggregate-state';

/**
 * Joins the aggregate state's words, the marks beside it and the app name the way tab titles read:
 * "2 failed · Paused · SMSBAT Monitor".
 */
export function windowTitle(stateWords: string, appName: string, marks: readonly string[] = []): string {
  return [stateWords, ...marks, appName].filter((part) => part !== '').join(' · ');
}

/** The catalog key and count of an aggregate state's words (title.failed with count 2...). */
export function titleKey(state: AggregateState): {
  readonly key: `title.${AggregateState['kind']}`;
  readonly count: number;
} {
  return { key: `title.${state.kind}`, count: state.count };
}

const FILL: Readonly<Record<AggregateSeverity, string>> = {
  error: '#d93025',
  warning: '#e37400',
  active: '#1a73e8',
  ok: '#188038',
  idle: '#80868b',
};

const GLYPH: Readonly<Record<AggregateSeverity, string>> = {
  error: 'M11 11l10 10M21 11l-10 10',
  warning: 'M16 9v9M16 22v1',
  active: 'M16 9v7l5 3',
  ok: 'M10 16.5l4 4 8-9',
  idle: 'M11 16h10',
};

/** A 32 px round favicon in the severity's colour with a white glyph, as an SVG data URL (allowed by img-src data:). */
export function faviconHref(severity: AggregateSeverity): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">` +
    `<circle cx="16" cy="16" r="15" fill="${FILL[severity]}"/>` +
    `<path d="${GLYPH[severity]}" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round" fill="none"/>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
