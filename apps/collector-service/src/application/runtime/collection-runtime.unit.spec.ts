import { describe, expect, it } from 'vitest';
import { LeaseLostError } from './lease';
import { deferred, fakeStream, fakeWorker, settle, TTL_MS } from './testing/fake-worker';

describe('collection runtime: lease loss', () => {
  it('stops its streams when a renewal finds the lease taken, and publishes or checkpoints nothing after', async () => {
    const { sink, store, renewals, runtime } = fakeWorker();
    const a = fakeStream(sink);
    const b = fakeStream(sink);
    const run = runtime.run(runtime, [a.stream, b.stream]);
    await Promise.all([a.waits.until(1), b.waits.until(1)]);
    expect(sink.published).toEqual([0, 1]);

    store.renewal = null;
    renewals.tick?.();
    await run; // both streams returned: the signal aborted
    expect(runtime.signal.aborted).toBe(true);
    expect(renewals.tick).toBeUndefined(); // the renewal timer is stopped

    runtime.waker.wake();
    await expect(runtime.txn(() => ({ published: 99 }))).rejects.toBeInstanceOf(LeaseLostError);
    expect(sink.published).toEqual([0, 1]);
    expect(store.saves.map((save) => save.state.published)).toEqual([1, 2]);
    expect(runtime.state).toEqual({ published: 2 });
  });

  it('stops before the next step once its own clock says the lease is about to run out (a paused process)', async () => {
    const { clock, sink, store, runtime } = fakeWorker();
    const a = fakeStream(sink);
    const run = runtime.run(runtime, [a.stream]);
    await a.waits.until(1);

    // No renewal landed; the lease is inside its safety margin (a fifth of the TTL, at most 5 s).
    clock.now += TTL_MS - 5_000;
    runtime.waker.wake();
    await run;
    expect(runtime.signal.aborted).toBe(true);
    expect(sink.published).toEqual([0]);
    expect(store.saves).toHaveLength(1);
  });

  it('never checkpoints a step that was publishing when the lease was lost', async () => {
    const { sink, store, renewals, runtime } = fakeWorker();
    const publishing = deferred();
    let calls = 0;
    const a = fakeStream(sink, () => (calls++ === 1 ? publishing.promise : Promise.resolve()));
    const run = runtime.run(runtime, [a.stream]);
    await a.waits.until(1);
    runtime.waker.wake(); // the second pass starts publishing and hangs there
    await settle();

    store.renewal = null;
    renewals.tick?.();
    await settle();
    publishing.resolve();
    await run;
    expect(store.saves.map((save) => save.state.published)).toEqual([1]);
    expect(runtime.state).toEqual({ published: 1 });
  });

  it('keeps the lease while renewals succeed, and hands it back on a graceful stop', async () => {
    const { clock, sink, store, renewals, runtime } = fakeWorker();
    const a = fakeStream(sink);
    const run = runtime.run(runtime, [a.stream]);
    await a.waits.until(1);
    for (let i = 0; i < 5; i += 1) {
      clock.now += TTL_MS / 3;
      renewals.tick?.();
      await settle();
    }
    runtime.waker.wake();
    await a.waits.until(2);
    expect(sink.published).toEqual([0, 1]);

    await runtime.stop();
    await run;
    expect(store.released).toHaveLength(1);
    expect(store.released[0]?.expiresAt).toBeGreaterThan(clock.now); // the renewed lease
  });
});

describe('collection runtime: checkpoints', () => {
  it('runs steps one at a time in order, and checkpoints each only after what it published', async () => {
    const { sink, store, runtime } = fakeWorker();
    const slow = deferred();
    const first = runtime.txn(async (state) => {
      await slow.promise;
      sink.published.push(state.published);
      return { published: state.published + 1 };
    });
    const second = runtime.txn((state) => {
      sink.published.push(state.published);
      return { published: state.published + 1 };
    });
    await settle();
    expect(sink.published).toEqual([]); // the second step waits for the first
    expect(store.saves).toEqual([]);

    slow.resolve();
    await Promise.all([first, second]);
    expect(sink.published).toEqual([0, 1]);
    expect(store.saves.map(({ state, publishedBefore }) => [state.published, publishedBefore])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('leaves the checkpoint where it was when a publish fails, so the next step re-sends that sequence', async () => {
    const { sink, store, runtime } = fakeWorker({ state: { published: 5 } });
    const failed = runtime.txn(() => Promise.reject(new Error('broker unreachable')));
    const next = runtime.txn((state) => {
      sink.published.push(state.published);
      return { published: state.published + 1 };
    });
    await expect(failed).rejects.toThrow('broker unreachable');
    await next;
    expect(sink.published).toEqual([5]);
    expect(store.saves.map((save) => save.state)).toEqual([{ published: 6 }]);
  });

  it('does not move the state when the checkpoint cannot be written', async () => {
    const { sink, store, runtime } = fakeWorker();
    const a = fakeStream(sink);
    store.failSave = new Error('mongo unreachable');
    const run = runtime.run(runtime, [a.stream]);
    await a.waits.until(1);
    expect(runtime.state).toEqual({ published: 0 });
    runtime.waker.wake();
    await a.waits.until(2);
    // Published twice with sequence 0 (at least once), checkpointed once: no gap, nothing ahead.
    expect(sink.published).toEqual([0, 0]);
    expect(store.saves.map(({ state, publishedBefore }) => [state.published, publishedBefore])).toEqual([[1, 2]]);
    await runtime.stop();
    await run;
  });

  it('a graceful stop lets the step in flight finish but checkpoints nothing more, then hands the lease back', async () => {
    const { sink, store, runtime } = fakeWorker();
    const slow = deferred();
    const inFlight = runtime.txn(async (state) => {
      await slow.promise;
      sink.published.push(state.published);
      return { published: state.published + 1 };
    });
    await settle();
    const stopped = runtime.stop();
    const after = runtime.txn(() => ({ published: 42 }));
    slow.resolve();
    // The step began before the stop; its result is refused at the fence, never saved ahead of a stop.
    await expect(inFlight).rejects.toBeInstanceOf(LeaseLostError);
    await expect(after).rejects.toBeInstanceOf(LeaseLostError);
    await stopped;
    expect(store.saves).toEqual([]);
    expect(store.released).toHaveLength(1);
  });
});

describe('collection runtime: waker', () => {
  it('runs a waiting stream at once on a wake-up, long before its wait would end', async () => {
    const { sink, runtime } = fakeWorker();
    const a = fakeStream(sink);
    const b = fakeStream(sink);
    const run = runtime.run(runtime, [a.stream, b.stream]);
    await Promise.all([a.waits.until(1), b.waits.until(1)]);
    runtime.waker.wake();
    // Every waiting stream runs its next pass; no clock moved.
    await Promise.all([a.waits.until(2), b.waits.until(2)]);
    expect(sink.published).toEqual([0, 1, 2, 3]);
    await runtime.stop();
    await run;
  });

  it('coalesces several wake-ups into one pass', async () => {
    const { sink, runtime } = fakeWorker();
    const a = fakeStream(sink);
    const run = runtime.run(runtime, [a.stream]);
    await a.waits.until(1);
    runtime.waker.wake();
    runtime.waker.wake();
    runtime.waker.wake();
    await a.waits.until(2);
    await settle();
    expect(a.passes.value).toBe(2);
    expect(sink.published).toEqual([0, 1]);
    await runtime.stop();
    await run;
  });

  it('ends every wait when the worker stops', async () => {
    const { sink, runtime } = fakeWorker();
    const a = fakeStream(sink);
    const run = runtime.run(runtime, [a.stream]);
    await a.waits.until(1);
    runtime.crash();
    await run;
    expect(a.passes.value).toBe(1);
    await expect(runtime.waker.wait(3_600_000)).resolves.toBeUndefined();
  });
});
