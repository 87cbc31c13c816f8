import { describe, expect, it } from 'vitest';
import { heartbeatDue, sendHeartbeat, type HeartbeatContext } from './heartbeat';

const POLL_MS = 60_000;
const BUDGET = { requestsInWindow: 150, limitPerWindow: 200, windowMs: 60_000 };

/** Just what the heartbeat reads and calls; emit records what would be published. */
function fakeWorker(clock: { now: number }) {
  const emitted: unknown[] = [];
  const state = { lastPublishedAt: null as number | null };
  const worker = {
    signal: new AbortController().signal,
    settings: { pollIntervalMs: POLL_MS, leaseTtlMs: 30_000 },
    budget: { use: () => BUDGET },
    now: () => clock.now,
    get lastPublishedAt() {
      return state.lastPublishedAt;
    },
    txn: async (step: (s: object) => unknown) => {
      await step({});
    },
    emit: (s: object, type: string, data: unknown) => {
      emitted.push({ type, data });
      state.lastPublishedAt = clock.now;
      return Promise.resolve(s);
    },
  };
  return { worker: worker as unknown as HeartbeatContext, emitted, state };
}

describe('collection heartbeat', () => {
  it('is sent once per lease term with the cadence and budget use, then once per poll interval', async () => {
    const clock = { now: 1_000_000 };
    const { worker, emitted, state } = fakeWorker(clock);
    state.lastPublishedAt = clock.now - 1_000; // the streams just published
    expect(heartbeatDue(worker)).toBe(true);
    await sendHeartbeat(worker, 'collector-a');
    expect(emitted).toEqual([
      {
        type: 'CollectionHeartbeat',
        data: { instanceId: 'collector-a', pollIntervalMs: POLL_MS, leaseTtlMs: 30_000, budget: BUDGET },
      },
    ]);

    clock.now += POLL_MS - 1;
    await sendHeartbeat(worker, 'collector-a');
    expect(emitted).toHaveLength(1);
    clock.now += 1;
    await sendHeartbeat(worker, 'collector-a');
    expect(emitted).toHaveLength(2);
  });

  it('is sent once per poll interval while the streams publish too, so the budget use stays current', async () => {
    const clock = { now: 2_000_000 };
    const { worker, emitted, state } = fakeWorker(clock);
    await sendHeartbeat(worker, 'collector-a');
    for (let i = 0; i < 4; i += 1) {
      clock.now += POLL_MS / 2;
      state.lastPublishedAt = clock.now;
      await sendHeartbeat(worker, 'collector-a');
    }
    expect(emitted).toHaveLength(3);
  });
});
