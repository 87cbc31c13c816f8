import { setTimeout as delay } from 'node:timers/promises';
import type { Collection } from '@zc/mongo';
import type { EventStore } from '../event-store';
import type { NewEvent } from '../types';
import { loadCheckpoints, saveCheckpoints, type CheckpointDoc } from './checkpoints';
import { deliverable } from './deliverable';
import type { Lease } from './lease';
import type { PublishPort, RelayLogger } from './ports';

export interface RelayLoopDeps<E extends NewEvent> {
  store: EventStore<E>;
  publish: PublishPort<E>;
  checkpointId: string;
  batchSize: number;
  pollIntervalMs: number;
  maxBackoffMs: number;
  logger: RelayLogger;
  lease: Lease;
  checkpoints: Collection<CheckpointDoc>;
  now: () => number;
}

interface LoopState {
  /** The fencing token while this instance holds the lease. */
  fence: number | undefined;
  /** Per stream, the highest version published and checkpointed. */
  published: Map<string, number>;
}

type Tick = 'busy' | 'idle';

/*
 * Follows streams by VERSION, not by global position: positions become visible out of order (see
 * positions.ts), so a position cursor could skip an event for good. Each round reads, in one query,
 * the commits after every stream's checkpoint (whole appends, so never half an append), and per
 * stream publishes only the unbroken run of versions after the checkpoint. The checkpoint is written after the
 * publish resolves: a crash in between republishes that batch (at least once), never skips it.
 */
export function relayLoop<E extends NewEvent>(deps: RelayLoopDeps<E>) {
  const state: LoopState = { fence: undefined, published: new Map() };
  let running: Promise<void> | undefined;
  let stopping = false;
  let killed = false;
  let wake: AbortController = new AbortController();

  // Ends early when woken (wake is aborted); an abort is the expected way out, not an error.
  const sleep = (ms: number) => {
    const signal = wake.signal;
    return delay(ms, undefined, { signal }).catch((error: unknown) => {
      if (!signal.aborted) throw error;
    });
  };

  const lead = async (): Promise<boolean> => {
    if (state.fence !== undefined) {
      if (await deps.lease.renew(state.fence)) return true;
      deps.logger.warn({ checkpointId: deps.checkpointId }, 'outbox relay lost its lease');
      state.fence = undefined;
    }
    const fence = await deps.lease.acquire();
    if (fence === undefined) return false;
    // Reload: the previous holder may have moved the checkpoints since we last held the lease.
    state.published = await loadCheckpoints(deps.checkpoints, deps.checkpointId);
    state.fence = fence;
    deps.logger.info({ checkpointId: deps.checkpointId, fence }, 'outbox relay acquired its lease');
    return true;
  };

  const tick = async (): Promise<Tick> => {
    if (!(await lead())) return 'idle';
    const ranges = (await deps.store.streamIds()).map((streamId) => ({
      streamId,
      afterVersion: state.published.get(streamId) ?? 0,
    }));
    const candidates = await deps.store.readStreamRanges(ranges, deps.batchSize);
    const batch = deliverable(candidates, state.published);
    if (batch.length === 0) return 'idle';

    await deps.publish(batch);
    if (killed) return 'idle';
    const moved = new Map(batch.map((event) => [event.streamId, event.version]));
    const fence = state.fence;
    if (fence === undefined) return 'idle';
    if (!(await saveCheckpoints(deps.checkpoints, deps.checkpointId, fence, moved, new Date(deps.now())))) {
      deps.logger.warn({ checkpointId: deps.checkpointId, fence }, 'outbox relay fenced out; another holds the lease');
      state.fence = undefined;
      return 'idle';
    }
    for (const [streamId, version] of moved) state.published.set(streamId, version);
    // Straight on only while a backlog remains: a round reads every stream and its new commits (the
    // embedded store scans for that), so under a steady trickle of appends, rounds back to back cost
    // the store more than the appends themselves. A short read means it caught up: wait the interval.
    return candidates.length >= deps.batchSize ? 'busy' : 'idle';
  };

  const run = async () => {
    let failures = 0;
    while (!stopping) {
      let outcome: Tick;
      try {
        outcome = await tick();
        failures = 0;
      } catch (error) {
        // Broker or store down: keep everything, retry the same events later. Appends are unaffected.
        failures += 1;
        deps.logger.warn(
          { checkpointId: deps.checkpointId, failures, err: error instanceof Error ? error.message : String(error) },
          'outbox relay round failed; backing off',
        );
        outcome = 'idle';
      }
      if (stopping) break;
      if (failures > 0) await sleep(Math.min(deps.maxBackoffMs, deps.pollIntervalMs * 2 ** Math.min(failures, 20)));
      else if (outcome === 'idle') await sleep(deps.pollIntervalMs);
    }
    if (!killed && state.fence !== undefined) {
      await deps.lease.release(state.fence).catch(() => undefined);
      state.fence = undefined;
    }
  };

  return {
    state,
    start() {
      if (running) return;
      stopping = false;
      killed = false;
      wake = new AbortController();
      running = run();
    },
    async stop() {
      stopping = true;
      wake.abort();
      await running;
      running = undefined;
    },
    kill() {
      killed = true;
      stopping = true;
      wake.abort();
      state.fence = undefined;
    },
  };
}
