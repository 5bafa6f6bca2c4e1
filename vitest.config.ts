import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Suites that need system parts (Chromium, poppler-utils) run from .ci/run: npm run test:system.
    exclude: ['**/node_modules/**', '**/*.system.test.ts'],
    globalSetup: ['scripts/test-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
