import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The tab is built into dist/tab and served by the app at `/` (src/server/tab-assets.ts). The
 * views are split into chunks loaded on demand, so the first load carries only the shell.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/tab', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // the shell's budget is 300 KB gzip (`npm run bench` reports it); warn well before that
    chunkSizeWarningLimit: 900,
  },
});
