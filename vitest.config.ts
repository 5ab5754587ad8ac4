import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      { test: { name: 'core', include: ['test/**/*.test.ts'], exclude: ['test/extension/entrypoints/**', 'test/e2e/**'], testTimeout: 30_000 } },
      // Real browsers (Chromium, Firefox) driving the built extension: `npm run test:e2e`, and part of `npm test`.
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 30_000 } },
      // Extension code that calls browser.*: WXT's plugin swaps in its fake browser.
      { plugins: [WxtVitest()], test: { name: 'extension', include: ['test/extension/entrypoints/**/*.test.ts'], testTimeout: 30_000 } },
    ],
  },
});
