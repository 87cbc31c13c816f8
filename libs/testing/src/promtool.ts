import { spawnSync } from 'node:child_process';

/** Whether Prometheus' promtool is on PATH (`apt-get install prometheus`); tests without it check names only. */
export const hasPromtool = (): boolean => spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;

/** `promtool check metrics` of an exposition page: its complaints, empty when the page passes. */
export function promtoolProblems(exposition: string): string {
  const result = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  return result.status === 0 ? '' : `${result.stdout}${result.stderr}`.trim();
}

/** The rule promtool enforces that default exporters break most: only counters may end in `_total`. */
export function nonCountersNamedTotal(exposition: string): string[] {
  return [...exposition.matchAll(/^# TYPE (\S+_total) (\S+)$/gm)]
    .filter(([, , type]) => type !== 'counter')
    .map(([, name]) => name ?? '');
}
