import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Serves the window on a fake client for looking at it without a host (`npx vite --config test/renderer/harness/vite.config.ts`). */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5199, strictPort: true, fs: { allow: ['../../..'] } },
  logLevel: 'warn',
});
