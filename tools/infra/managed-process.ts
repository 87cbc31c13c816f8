import { spawn, type ChildProcess } from 'node:child_process';

export interface ManagedProcessOptions {
  name: string;
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Signal the kernel sends the child when this process dies, even by SIGKILL.
   * TERM lets a server with persistent data shut down cleanly; KILL suits throwaway data.
   */
  parentDeathSignal: 'TERM' | 'KILL';
  /** Echo the child's output lines to this function (for `npm start`). */
  onLine?: (line: string) => void;
}

const KEPT_LINES = 200;

/**
 * A child process tied to this one: it dies with us (setpriv --pdeathsig), and
 * its recent output is kept for error messages.
 */
export class ManagedProcess {
  private readonly child: ChildProcess;
  private readonly recent: string[] = [];
  private readonly lineWaiters = new Set<(line: string) => void>();
  private readonly exited: Promise<number | null>;
  private hasExited = false;

  constructor(private readonly options: ManagedProcessOptions) {
    this.child = spawn('setpriv', ['--pdeathsig', options.parentDeathSignal, '--', options.command, ...options.args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code) => {
        this.hasExited = true;
        resolve(code);
      });
      this.child.on('error', () => {
        this.hasExited = true;
        resolve(null);
      });
    });
    let pending = '';
    const onData = (data: Buffer): void => {
      pending += data.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) this.acceptLine(line);
    };
    this.child.stdout?.on('data', onData);
    this.child.stderr?.on('data', onData);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.hasExited;
  }

  output(): string {
    return this.recent.join('\n');
  }

  /** Resolves when a line matches; rejects if the process exits first or time runs out. */
  async waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    const match = this.recent.find((line) => pattern.test(line));
    if (match !== undefined) return match;
    return new Promise((resolve, reject) => {
      const waiter = (line: string): void => {
        if (!pattern.test(line)) return;
        cleanup();
        resolve(line);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(this.failure(`did not log ${String(pattern)} within ${String(timeoutMs)} ms`));
      }, timeoutMs);
      void this.exited.then((code) => {
        cleanup();
        reject(this.failure(`exited with ${String(code)} before it was ready`));
      });
      const cleanup = (): void => {
        clearTimeout(timer);
        this.lineWaiters.delete(waiter);
      };
      this.lineWaiters.add(waiter);
    });
  }

  /** Resolves with the exit code when the process ends on its own. */
  async whenExited(): Promise<number | null> {
    return this.exited;
  }

  failure(reason: string): Error {
    return new Error(`${this.options.name} ${reason}. Last output:\n${this.output().slice(-4000)}`);
  }

  /** SIGTERM, then SIGKILL after the grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.hasExited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** For tests of crash recovery: no graceful shutdown. */
  async kill(): Promise<void> {
    if (this.hasExited) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  private acceptLine(line: string): void {
    this.recent.push(line);
    if (this.recent.length > KEPT_LINES) this.recent.shift();
    this.options.onLine?.(line);
    for (const waiter of this.lineWaiters) waiter(line);
  }
}
