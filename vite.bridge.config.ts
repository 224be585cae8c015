import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json';

/** Builds the loopback bridge for plain Node (npm run web), bundling the same core as main. */
export default defineConfig({
  resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
  build: {
    ssr: true,
    outDir: 'out/bridge',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: { serve: resolve(__dirname, 'src/bridge/serve.ts') },
      external: [...Object.keys(pkg.dependencies), ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'cjs', entryFileNames: '[name].js' },
    },
  },
});
