import { readFile } from 'node:fs/promises';

export interface ProcessMemory {
  /** Resident set now (VmRSS). */
  readonly rssBytes: number;
  /** The highest resident set since the process started (VmHWM), which sampling can miss. */
  readonly peakRssBytes: number;
}

const kibField = (status: string, field: string): number => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (match?.[1] === undefined) throw new Error(`no ${field} in /proc status`);
  return Number(match[1]) * 1024;
};

/** Another process's memory as the kernel counts it (Linux only). */
export async function processMemory(pid: number): Promise<ProcessMemory> {
  const status = await readFile(`/proc/${String(pid)}/status`, 'utf8');
  return { rssBytes: kibField(status, 'VmRSS'), peakRssBytes: kibField(status, 'VmHWM') };
}

/** Samples a process's RSS on an interval and keeps the largest sample, until stopped. */
export function sampleRss(pid: number, everyMs: number): { max(): number; stop(): Promise<void> } {
  let max = 0;
  let pending: Promise<void> = Promise.resolve();
  const sample = (): void => {
    pending = processMemory(pid).then(
      (memory) => void (max = Math.max(max, memory.rssBytes)),
      () => undefined, // the process may have exited between samples
    );
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    max: () => max,
    async stop() {
      clearInterval(timer);
      await pending;
    },
  };
}

/** One unlabelled-or-single-series sample from a Prometheus text exposition (prom-client default metrics). */
export function metricValue(exposition: string, name: string): number | undefined {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(exposition);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
