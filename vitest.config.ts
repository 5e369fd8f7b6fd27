import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['{shared,electron,renderer,cli,bench,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**'],
    environment: 'node',
    // Builds dist-cli/ when it is missing or stale: the CLI tests run the bundle, as `relais` does.
    globalSetup: ['cli/global-setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
