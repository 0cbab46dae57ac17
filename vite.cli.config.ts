import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const root = import.meta.dirname;
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(pkg.dependencies),
];

/** Builds the `smsbat-monitor` command-line tool: plain Node, no Electron. */
export default defineConfig({
  plugins: [
    {
      name: 'make-cli-executable',
      writeBundle(options, bundle) {
        for (const file of Object.keys(bundle)) {
          if (file.endsWith('.js')) chmodSync(resolve(options.dir ?? 'out/cli', file), 0o755);
        }
      },
    },
  ],
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: { 'smsbat-monitor': resolve(root, 'electron/cli/smsbat-monitor.ts') },
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { format: 'es', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
    },
  },
});
