// `npm run bench`: runs every tools/bench/*.bench.ts in turn and writes one report (markdown + JSON).
import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIGURE_PREFIX, ratioOf, type Figure } from './figure';

const root = fileURLToPath(new URL('../..', import.meta.url));
const benchDir = join(root, 'tools', 'bench');
const outDir = join(root, 'bench-results');
const quick = process.argv.includes('--quick');
const only = process.argv.slice(2).filter((arg) => arg !== '--quick');

/** `--quick`: smaller runs of the slow benches (minutes, not a quarter hour); the report says so. */
const QUICK: Record<string, { args?: string[]; env?: Record<string, string> }> = {
  'collector-backfill.bench.ts': { args: ['--scale', '0.3'] },
  'projection.bench.ts': { args: ['--ingest', '10000'] },
  'activity-views.bench.ts': { args: ['--per-connector', '20000', '--runs', '30', '--seconds', '15'] },
  'outbox-relay.bench.ts': { env: { EVENTS: '2000' } },
  'api-key-flood.bench.ts': { args: ['5'] },
  'projection-crash.bench.ts': { args: ['--scale', '0.1'] },
  'store-by-id.bench.ts': { args: ['--no-stock'] },
};

interface BenchRun {
  script: string;
  exitCode: number | null;
  seconds: number;
  figures: Figure[];
}

async function runBench(script: string): Promise<BenchRun> {
  const started = Date.now();
  const figures: Figure[] = [];
  const exitCode = await new Promise<number | null>((resolve) => {
    const profile = quick ? QUICK[script] : undefined;
    const child = spawn(process.execPath, ['--import', 'tsx', join(benchDir, script), ...(profile?.args ?? [])], {
      cwd: root,
      env: { ...process.env, ...profile?.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let pending = '';
    child.stdout.on('data', (data: Buffer) => {
      pending += data.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith(FIGURE_PREFIX)) figures.push(JSON.parse(line.slice(FIGURE_PREFIX.length)) as Figure);
        else process.stdout.write(`  ${line}\n`);
      }
    });
    child.on('close', resolve);
  });
  return { script, exitCode, seconds: (Date.now() - started) / 1000, figures };
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3);
}

function markdown(runs: BenchRun[]): string {
  const rows = runs.flatMap((run) =>
    run.figures.map((f) => {
      const ratio = ratioOf(f);
      return `| ${f.bench} | ${f.name} | ${formatNumber(f.value)} ${f.unit} | ${
        f.reference ? `${f.reference.label}: ${formatNumber(f.reference.value)}` : '—'
      } | ${ratio === undefined ? '—' : ratio.toFixed(2)} | ${f.target ?? '—'} | ${f.note ?? ''} |`;
    }),
  );
  const failures = runs.filter((run) => run.exitCode !== 0);
  return [
    `# Benchmark report (${new Date().toISOString()})`,
    '',
    `Machine: 2 cores, shared; figures vary run to run. Ratio = value ÷ reference.${
      quick ? ' Quick profile: smaller collector, projection and outbox runs.' : ''
    }`,
    '',
    '| bench | figure | value | reference | ratio | target | note |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    ...runs.map((run) => `- ${run.script}: ${run.seconds.toFixed(0)} s, exit ${String(run.exitCode)}`),
    ...(failures.length > 0 ? ['', `FAILED: ${failures.map((run) => run.script).join(', ')}`] : []),
    '',
  ].join('\n');
}

const scripts = (await readdir(benchDir))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();
const runs: BenchRun[] = [];
for (const script of scripts) {
  process.stdout.write(`\n[bench] ${script}\n`);
  runs.push(await runBench(script));
}
await mkdir(outDir, { recursive: true });
const report = markdown(runs);
await writeFile(join(outDir, 'report.md'), report);
await writeFile(join(outDir, 'report.json'), JSON.stringify(runs, null, 2));
process.stdout.write(`\n${report}\nWritten to ${join(outDir, 'report.md')} and report.json\n`);
if (runs.some((run) => run.exitCode !== 0)) process.exitCode = 1;
