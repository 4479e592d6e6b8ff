import { defineConfig } from 'vitest/config';

/** `npm run test:corpus`: the real runbooks of ../shared/corpus, run by .ci/run after `npm test`. */
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.check.ts'],
    testTimeout: 60_000,
    sequence: { concurrent: false },
  },
});
