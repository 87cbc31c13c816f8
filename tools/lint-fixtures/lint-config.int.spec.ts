import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The rule ids of the errors the lint reports for each file, by path relative to the root. */
const errorsOf = async (files: string[]): Promise<Map<string, (string | null)[]>> => {
  const eslint = new ESLint({ cwd: root, ignore: false });
  const results = await eslint.lintFiles(files);
  return new Map(
    results.map((r) => [
      r.filePath.slice(root.length),
      r.messages.filter((m) => m.severity === 2).map((m) => m.ruleId),
    ]),
  );
};

// The rules only matter if they fail the lint; each case lints a fixture that breaks one.
describe('lint configuration', () => {
  beforeAll(() => {
    // The Nx rule reads a cached project graph and silently skips without one.
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } });
  });

  it('fails when a domain library imports kafkajs', async () => {
    const file = 'tools/lint-fixtures/domain-lib/src/imports-kafkajs.ts';
    const rules = (await errorsOf([file])).get(file);
    expect(rules).toContain('@nx/enforce-module-boundaries');
    expect(rules).toContain('no-restricted-imports');
  });

  it('fails on a two-file import cycle, even of type imports only', async () => {
    const files = ['tools/lint-fixtures/cycle-lib/src/order.ts', 'tools/lint-fixtures/cycle-lib/src/line.ts'];
    const errors = await errorsOf(files);
    for (const file of files) expect(errors.get(file)).toEqual(['type-imports-count/no-cycle']);
  });

  it('fails when an application file imports an adapter', async () => {
    const file = 'tools/lint-fixtures/app/src/application/place-order.ts';
    const adapter = 'tools/lint-fixtures/app/src/adapters/order-store.ts';
    const errors = await errorsOf([file, adapter]);
    expect(errors.get(file)).toEqual(['no-restricted-imports']);
    expect(errors.get(adapter)).toEqual([]);
  });
});
