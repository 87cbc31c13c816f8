export interface KeepAlive {
  /** True once a heartbeat failed: the group is rebalancing or the member was evicted; stop at the next chunk. */
  lost(): boolean;
  stop(): void;
}

/**
 * Heartbeats every `intervalMs` while a batch is processed, so a slow handler call does not outlast the
 * session timeout. kafkajs throttles heartbeats to its heartbeatInterval, so an extra call costs nothing.
 */
export function keepAlive(heartbeat: () => Promise<void>, intervalMs: number): KeepAlive {
  let lost = false;
  let inFlight = false;
  const timer = setInterval(() => {
    if (inFlight || lost) return;
    inFlight = true;
    heartbeat()
      .catch(() => (lost = true))
      .finally(() => (inFlight = false));
  }, intervalMs);
  timer.unref();
  return { lost: () => lost, stop: () => clearInterval(timer) };
}
