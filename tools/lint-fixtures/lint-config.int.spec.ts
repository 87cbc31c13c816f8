import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// The module-boundary tags only matter if they fail the lint; this lints a fixture that breaks them.
describe('lint configuration', () => {
  it('fails when a domain library imports kafkajs', async () => {
    // The Nx rule reads a cached project graph and silently skips without one.
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } });
    const eslint = new ESLint({ cwd: root, ignore: false });
    const [result] = await eslint.lintFiles(['tools/lint-fixtures/domain-lib/src/imports-kafkajs.ts']);
    const rules = (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId);
    expect(rules).toContain('@nx/enforce-module-boundaries');
    expect(rules).toContain('no-restricted-imports');
  });
});
