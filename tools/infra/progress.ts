/** Progress lines for long provisioning steps, so a cold machine never looks stuck. */
export type Reporter = (line: string) => void;

export const consoleReporter: Reporter = (line) => {
  process.stderr.write(`[infra] ${line}\n`);
};

/** Calls `report` every `everyMs` with the elapsed time until the returned stop function runs. */
export function heartbeat(report: Reporter, label: string, everyMs = 15_000): () => void {
  const started = Date.now();
  const timer = setInterval(() => {
    report(`${label}: still working (${Math.round((Date.now() - started) / 1000)} s)`);
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
