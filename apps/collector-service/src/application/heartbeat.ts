import type { BudgetUse } from '@zc/contracts';
import type { ZendeskStreamContext } from './streams/zendesk/stream-context';

/** What the heartbeat reads and calls of its worker. */
export interface HeartbeatContext extends Pick<ZendeskStreamContext, 'signal' | 'settings' | 'now' | 'txn' | 'emit'> {
  /** The budget's use in its current window, which the heartbeat carries to the console. */
  readonly budget: { use(): BudgetUse };
}

const lastSent = new WeakMap<HeartbeatContext, number>();

/**
 * The projection judges a connector stalled after 2 × poll interval + lease TTL without progress, so
 * a quiet account needs a sign of life, and the console shows the budget use it carries: as each lease
 * term begins (it carries the cadence the projection judges by), then once per poll interval.
 */
export function heartbeatDue(worker: HeartbeatContext): boolean {
  const last = lastSent.get(worker);
  return last === undefined || worker.now() - last >= worker.settings.pollIntervalMs;
}

/** Called as a term begins and on every lease renewal; a failure is left to the next renewal. */
export async function sendHeartbeat(worker: HeartbeatContext, instanceId: string): Promise<void> {
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
