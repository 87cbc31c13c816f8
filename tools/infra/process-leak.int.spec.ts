import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { waitFor } from '@zc/testing';

const launcher = fileURLToPath(new URL('./testing/stack-child.ts', import.meta.url));

function isAlive(pid: number): boolean {
  try {
    // A zombie still answers kill(0); read its state instead.
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

// `kill -9` of the parent must not leave a JVM or FerretDB behind.
describe('infrastructure processes die with their parent', () => {
  it('leaves no java or ferretdb process after the parent is killed with SIGKILL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', launcher], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    const line = await waitFor(() => output.split('\n').find((l) => l.startsWith('PIDS ')), {
      timeoutMs: 90_000,
      description: 'the child stack to report its pids',
    });
    const pids = line.slice(5).split(',').map(Number);
    expect(pids).toHaveLength(2);
    expect(pids.every(isAlive)).toBe(true);

    child.kill('SIGKILL');
    await waitFor(() => pids.every((pid) => !isAlive(pid)), {
      timeoutMs: 15_000,
      description: 'java and ferretdb to exit',
    });
  });
});
