import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(__dirname),
  // 'server-only' throws outside React Server Components; lib code is plain Node in tests.
  'server-only': path.resolve(__dirname, 'db/testing/empty-module.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['{lib,db,inngest,components,app,scripts,bench}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.{ts,tsx}', 'node_modules/**'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['{lib,db,inngest,app,scripts}/**/*.int.test.{ts,tsx}'],
          globalSetup: ['db/testing/global-setup.ts'],
          // next-intl's navigation imports 'next/navigation' without an extension, which Node's
          // ESM loader cannot resolve in next's package; run it through Vite like our code
          // (so tests' mocks of next/navigation apply to it too).
          server: { deps: { inline: ['next-intl'] } },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
