import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const rendererDir = join(import.meta.dirname, '..', '..', 'out', 'renderer');
/** Vite's own warning threshold for one chunk, in bytes. */
const CHUNK_WARNING_BYTES = 500 * 1024;

/** The scripts the built window's page loads before its first paint (its module entry and what it preloads). */
function initialScripts(): string[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? '');
}

describe('the built window (after `npm run build`)', () => {
  it('loads no chunk over 500 kB before its first paint, and the chart library only when a curve is shown', () => {
    const initial = initialScripts();
    expect(initial.length).toBeGreaterThan(0);
    for (const script of initial)
      expect(statSync(join(rendererDir, script)).size).toBeLessThan(CHUNK_WARNING_BYTES);
    const lazy = readdirSync(join(rendererDir, 'assets')).filter((name) =>
      name.startsWith('delivery-curve-plot-'),
    );
    expect(lazy).toHaveLength(1);
    expect(initial).not.toContain(`assets/${lazy[0] ?? ''}`);
  });
});
