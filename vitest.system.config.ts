import { defineConfig } from 'vitest/config';

/** Suites that need system parts installed by .ci/run: Chromium, fonts-noto-cjk, poppler-utils, LibreOffice. */
export default defineConfig({
  test: {
    include: ['src/**/*.system.test.ts'],
    globalSetup: ['scripts/test-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
  },
});
