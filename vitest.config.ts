import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      { test: { name: 'core', include: ['test/**/*.test.ts'], exclude: ['test/extension/entrypoints/**'], testTimeout: 30_000 } },
      // Extension code that calls browser.*: WXT's plugin swaps in its fake browser.
      { plugins: [WxtVitest()], test: { name: 'extension', include: ['test/extension/entrypoints/**/*.test.ts'], testTimeout: 30_000 } },
    ],
  },
});
