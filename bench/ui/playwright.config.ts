import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/** `npm run bench:ui`: the browser benchmark, outside `npm test` (its own folder and pattern). */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.ui.ts',
  timeout: 600_000,
  retries: 0,
  reporter: [['list']],
  use: { ...base.use, viewport: { width: 1366, height: 768 }, trace: 'off', screenshot: 'off' },
});
