import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { withDevPolicy } from './electron/host/window-csp';

const root = import.meta.dirname;

/** While `electron-vite dev` serves the window, its policy lets in what Vite injects (never in a build). */
const devPolicy: Plugin = {
  name: 'smsbat-dev-policy',
  apply: 'serve',
  transformIndexHtml: (html) => withDevPolicy(html),
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), devPolicy],
    build: {
      // electron-vite leaves the window unminified (Electron reads it from disk); the browser host serves it over
      // HTTP, where 2.2 MB of JavaScript becomes 0.9 MB and parses sooner. WINDOW_MINIFY=0 keeps the names, for
      // profiles (bench/window-profile.ts).
      minify: process.env.WINDOW_MINIFY !== '0',
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
        output: {
          // React DOM in a chunk of its own, fetched in parallel with the window's code (both are preloaded); the
          // chart library is loaded only when a label's curve is shown (delivery-curve-plot.tsx).
          codeSplitting: {
            groups: [{ name: 'react-dom', test: /node_modules[\\/](react-dom|scheduler)[\\/]/ }],
          },
        },
      },
    },
  },
});
