import type { ZendeskStreamContext } from './streams/zendesk/stream-context';

/** What the heartbeat reads and calls of its worker. */
export interface HeartbeatContext extends Pick<ZendeskStreamContext, 'signal' | 'settings' | 'now' | 'txn' | 'emit'> {
  /** When the worker last published a collection event (heartbeats are sent only in quiet periods). */
  readonly lastPublishedAt: number | null;
}

const sentThisTerm = new WeakSet<HeartbeatContext>();

/**
 * The projection judges a connector stalled after 2 × poll interval + lease TTL without progress, so
 * a quiet account needs a sign of life: once per lease term (it carries the cadence the projection
 * judges by), then only when nothing was published for a whole poll interval. At most one per poll.
 */
export function heartbeatDue(worker: HeartbeatContext): boolean {
  if (!sentThisTerm.has(worker)) return true;
  const last = worker.lastPublishedAt;
  return last === null || worker.now() - last >= worker.settings.pollIntervalMs;
}

/** Called on every lease renewal; failures are left to the next renewal (the lease keeper ends the worker). */
export async function sendHeartbeat(worker: HeartbeatContext, instanceId: string): Promise<void> {
  if (worker.signal.aborted || !heartbeatDue(worker)) return;
  try {
    await worker.txn((state) => {
      if (!heartbeatDue(worker)) return state;
      sentThisTerm.add(worker);
      return worker.emit(state, 'CollectionHeartbeat', {
        instanceId,
        pollIntervalMs: worker.settings.pollIntervalMs,
        leaseTtlMs: worker.settings.leaseTtlMs,
      });
    });
  } catch {
    // A lost lease or an unreachable broker: both show elsewhere (worker ends, publishing health).
  }
}
