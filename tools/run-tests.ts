// `npm test`: format, lint, type check, then every test tier, with the time each step took.
import { spawnSync } from 'node:child_process';
import { consoleReporter, provisionFerretDb, provisionKafka } from '@zc/infra';

interface Step {
  name: string;
  run: () => boolean | Promise<boolean>;
}

const extraArgs = process.argv.slice(2);
// Everything below (npx, vitest, the services tests spawn) runs on this Node: the bootstrap saw to it.
consoleReporter(`Node ${process.version} (${process.execPath})`);

function npx(...args: string[]): () => boolean {
  return () => spawnSync('npx', args, { stdio: 'inherit' }).status === 0;
}

const steps: Step[] = [
  { name: 'format', run: npx('prettier', '--check', '--log-level', 'warn', '.') },
  { name: 'lint', run: () => npx('nx', 'show', 'projects')() && npx('eslint', '--max-warnings', '0', '.')() },
  { name: 'typecheck', run: npx('tsc', '-p', 'tsconfig.json') },
  {
    name: 'provision infrastructure',
    run: async () => {
      await Promise.all([provisionKafka(consoleReporter), provisionFerretDb(consoleReporter)]);
      return true;
    },
  },
  { name: 'tests (unit, int, e2e)', run: npx('vitest', 'run', ...extraArgs) },
];

const timings: string[] = [];
let failed: string | undefined;
for (const step of steps) {
  const started = Date.now();
  process.stderr.write(`\n[test] ${step.name}…\n`);
  const ok = await step.run();
  timings.push(`  ${step.name}: ${((Date.now() - started) / 1000).toFixed(1)} s${ok ? '' : ' (FAILED)'}`);
  if (!ok) {
    failed = step.name;
    break;
  }
}
process.stderr.write(`\n[test] timings:\n${timings.join('\n')}\n`);
if (failed) {
  process.stderr.write(`[test] failed at: ${failed}\n`);
  process.exitCode = 1;
}
