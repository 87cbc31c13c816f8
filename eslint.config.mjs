// @ts-check
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import * as typeImportsCount from './tools/lint/type-imports-count.mjs';

const DRIVERS = ['kafkajs', 'mongodb', 'fastify', '@fastify/*'];

/** Only the adapter that owns a driver may import it. */
const driverOwnership = (/** @type {string} */ name, /** @type {string} */ owner) => ({
  name,
  message: `Only ${owner} imports ${name}; use its index.ts.`,
});

const DRIVER_OWNERS = [driverOwnership('kafkajs', 'libs/kafka'), driverOwnership('mongodb', 'libs/mongo')];

const ADAPTERS = ['**/adapters/**'];

/** The folders of an app that sit above its adapters (folder vocabulary: root README). */
const LAYERS_ABOVE_ADAPTERS = ['application', 'worker', 'api', 'http'];

/**
 * Which tags may depend on which. Test files may also use the testing helpers, which production
 * code of an adapter, domain, contracts or util library may not.
 */
const moduleBoundaries = (/** @type {{ forTests: boolean }} */ { forTests }) => {
  const withTesting = (/** @type {string[]} */ tags) => (forTests ? [...tags, 'type:testing', 'type:tooling'] : tags);
  return {
    allow: [],
    enforceBuildableLibDependency: false,
    depConstraints: [
      { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:app'] },
      {
        sourceTag: 'type:adapter',
        onlyDependOnLibsWithTags: withTesting(['type:adapter', 'type:domain', 'type:contracts', 'type:util']),
      },
      {
        sourceTag: 'type:domain',
        onlyDependOnLibsWithTags: withTesting(['type:domain', 'type:contracts', 'type:util']),
        bannedExternalImports: DRIVERS,
      },
      {
        sourceTag: 'type:contracts',
        onlyDependOnLibsWithTags: withTesting(['type:contracts', 'type:util']),
        bannedExternalImports: DRIVERS,
      },
      {
        sourceTag: 'type:util',
        onlyDependOnLibsWithTags: withTesting(['type:util']),
        bannedExternalImports: DRIVERS,
      },
      { sourceTag: 'type:testing', notDependOnLibsWithTags: ['type:app'] },
      { sourceTag: 'type:tooling', notDependOnLibsWithTags: ['type:app'] },
    ],
  };
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.cache/**',
      '**/coverage/**',
      '.nx/**',
      'libs/contracts/json-schema/**',
      // Linted on purpose by tools/lint-fixtures/lint-config.int.spec.ts; it breaks the rules by design.
      'tools/lint-fixtures/*/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ forTests: false })],
    },
  },
  {
    files: ['**/*.spec.ts', '**/testing/**/*.ts', '**/test-support/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ forTests: true })] },
  },
  {
    // Drivers are owned by one library each; tools provision infrastructure and may use them directly.
    files: ['**/*.ts'],
    ignores: ['libs/kafka/**', 'libs/mongo/**', 'tools/infra/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: DRIVER_OWNERS }],
    },
  },
  {
    // An app's domain folder is pure: no I/O, no framework, no clock of its own.
    files: ['apps/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: DRIVER_OWNERS,
          patterns: [
            { group: ['fastify', '@fastify/*', 'node:*'], message: 'Domain code is pure; do I/O in src/adapters.' },
            { group: ADAPTERS, message: 'Domain code must not depend on adapters.' },
          ],
        },
      ],
    },
  },
  {
    // Use cases and routes call ports declared next to them; only the wiring (runtime.ts, app.ts) and
    // tests pick the adapters that implement them.
    files: LAYERS_ABOVE_ADAPTERS.flatMap((layer) => [
      `apps/*/src/${layer}/**/*.ts`,
      `tools/lint-fixtures/*/src/${layer}/**/*.ts`,
    ]),
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: DRIVER_OWNERS,
          patterns: [{ group: ADAPTERS, message: 'Depend on a port next to this code; runtime.ts wires the adapter.' }],
        },
      ],
    },
  },
  {
    // No import cycle inside a project, type imports included (cycles between projects are the Nx
    // rule's). import-x finds the cycle; tools/lint/type-imports-count.mjs makes type imports count.
    files: ['**/*.ts'],
    plugins: { 'type-imports-count': typeImportsCount.plugin },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      'import-x/parsers': { [typeImportsCount.parserPath]: ['.ts'] },
    },
    rules: { 'type-imports-count/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    // Runs inside mongosh, which provides these.
    files: ['docker/mongo/**/*.js'],
    languageOptions: { globals: { rs: 'readonly', db: 'readonly', sleep: 'readonly', print: 'readonly' } },
  },
  prettier,
);
