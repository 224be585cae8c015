import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = { '@shared': resolve(__dirname, 'src/shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: { outDir: 'out/main' },
  },
  preload: {
    resolve: { alias },
    // Sandboxed preloads cannot require other files: bundle everything into one CJS file.
    build: { outDir: 'out/preload', externalizeDeps: false },
  },
  renderer: {
    root: 'src/renderer',
    resolve: { alias: { ...alias, '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [react()],
    // Minified, and split per area (React.lazy in the shell) so the first screen loads only what it shows.
    build: { outDir: 'out/renderer', minify: true, chunkSizeWarningLimit: 1500 },
  },
});
