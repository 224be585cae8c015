import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke test (tests/electron), run on the release machine only: `npm run test:electron`
 * (= playwright test -c playwright.electron.config.ts) after `npm run build`. It needs the Electron binary,
 * which CI here does not download, so the default playwright.config.ts (testDir tests/e2e) never picks it up.
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'test-results/electron',
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
