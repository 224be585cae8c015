import { defineConfig } from 'vitest/config';

/** `npm run bench`: each bench file measures and prints its numbers beside the target; nothing fails on time. */
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
