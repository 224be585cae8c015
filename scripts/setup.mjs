/** `npm run setup`: what `npm test` installs, without running the tests (for running vitest or Playwright by hand). */
import { launch, prepareForTests } from './lib/launcher.mjs';

launch(prepareForTests);
