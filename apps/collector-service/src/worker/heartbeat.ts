import type { ConnectorWorker } from './connector-worker';

const lastSent = new WeakMap<ConnectorWorker, number>();

/**
 * The projection judges a connector stalled after 2 × poll interval + lease TTL without progress, so
 * a quiet account needs a sign of life, and the console shows the budget use it carries: once per lease
 * term (it carries the cadence the projection judges by), then once per poll interval.
 */
export function heartbeatDue(worker: ConnectorWorker): boolean {
  const last = lastSent.get(worker);
  return last === undefined || worker.now() - last >= worker.settings.pollIntervalMs;
}

/** Called on every lease renewal; failures are left to the next renewal (the lease keeper ends the worker). */
export async function sendHeartbeat(worker: ConnectorWorker, instanceId: string): Promise<void> {
  if (worker.signal.aborted || !heartbeatDue(worker)) return;
  try {
    await worker.txn((state) => {
      if (!heartbeatDue(worker)) return state;
      lastSent.set(worker, worker.now());
      return worker.emit(state, 'CollectionHeartbeat', {
        instanceId,
        pollIntervalMs: worker.settings.pollIntervalMs,
        leaseTtlMs: worker.settings.leaseTtlMs,
        budget: worker.budget.use(),
      });
    });
  } catch {
    // A lost lease or an unreachable broker: both show elsewhere (worker ends, publishing health).
  }
}
