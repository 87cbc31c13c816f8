import { defineConfig } from 'vitest/config';

const shared = {
  exclude: ['**/node_modules/**', '**/dist/**', '**/.cache/**'],
};

/**
 * Three tiers by file name. Integration and end-to-end tests share one Kafka broker and one
 * FerretDB per run (global setup); each test file takes its own database, topics and groups.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['**/*.unit.spec.ts'] } },
      {
        test: {
          ...shared,
          name: 'int',
          include: ['**/*.int.spec.ts'],
          globalSetup: ['libs/testing/src/infra-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          ...shared,
          name: 'e2e',
          include: ['**/*.e2e.spec.ts'],
          globalSetup: ['libs/testing/src/infra-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
