import { describe, expect, it } from 'vitest';
import { partitionScenario } from './testing/partition-scenario';

/** Ten polls of a consumer that keeps up: the window fills with zero-lag commits. */
const caughtUp = (options: Parameters<typeof partitionScenario>[0] = {}) => {
  const scenario = partitionScenario(options);
  scenario.pollTimes(10, { produce: 100, consume: 100 });
  return scenario;
};

describe('evaluatePartition: no false lag', () => {
  it('reports an idle partition nobody produced to or committed on as OK with zero lag', () => {
    const { pollTimes } = partitionScenario({ start: { committed: -1, end: 0 } });
    const polls = pollTimes(12);
    expect(polls.at(-1)).toMatchObject({ committedOffset: -1, lag: 0, lagSeconds: 0, status: 'OK' });
  });

  it('reports a committed offset equal to the log end as zero lag and OK, however long it stays idle', () => {
    const { pollTimes } = partitionScenario({ start: { committed: 500, end: 500 } });
    const polls = pollTimes(30);
    expect(polls.map((p) => p.status)).toEqual(Array<string>(30).fill('OK'));
    expect(polls.at(-1)).toMatchObject({ lag: 0, lagSeconds: 0 });
  });

  it('treats a current lag within allowedLag as OK without looking at the window', () => {
    const { poll, pollTimes } = partitionScenario({ allowedLag: 5, start: { committed: 0, end: 5 } });
    expect(pollTimes(5).map((p) => p.status)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
    // Above it, the window is judged: the offset never moved, so the consumer has stopped.
    expect(poll({ produce: 1 })).toMatchObject({ lag: 6, status: 'STOP' });
  });

  it('keeps a consumer whose lag goes up and down OK', () => {
    const { poll } = partitionScenario();
    const statuses = [60, 140, 100, 80, 130, 90, 100, 120].map((consume) => poll({ produce: 100, consume }).status);
    expect(statuses).toEqual(Array<string>(8).fill('OK'));
  });
});

describe('evaluatePartition: a consumer that stops while the producer continues', () => {
  it('stays OK while the silence is shorter than the window span, then goes STOP as lag keeps rising', () => {
    const { pollTimes } = caughtUp();
    const stopped = pollTimes(10, { produce: 100 });
    expect(stopped.map((p) => p.lag)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    // Commits spanned 9 minutes (t = 1..10 min); STOP once 9 minutes pass after the last one with no commit.
    expect(stopped.map((p) => p.status)).toEqual([...Array<string>(9).fill('OK'), 'STOP']);
  });

  it('goes STALL instead when the group is still alive but its offset does not move', () => {
    const { pollTimes } = caughtUp();
    const stuck = pollTimes(10, { produce: 100, consumerActive: true });
    // The zero-lag commits still in the window do not make it OK: since then, two commits repeated one offset.
    expect(stuck.map((p) => p.status)).toEqual(['OK', ...Array<string>(9).fill('STALL')]);
  });

  it('goes STALL when the consumer moved after catching up and then got stuck, zero lag in the window or not', () => {
    const { pollTimes } = caughtUp();
    pollTimes(2, { produce: 100, consume: 50, consumerActive: true });
    const stuck = pollTimes(3, { produce: 100, consumerActive: true });
    expect(stuck.map((p) => [p.lag, p.status])).toEqual([
      [200, 'STALL'],
      [300, 'STALL'],
      [400, 'STALL'],
    ]);
  });

  it('keeps a live consumer that moves between commits OK after catching up', () => {
    const { pollTimes } = caughtUp();
    const moving = pollTimes(5, { produce: 100, consume: 90, consumerActive: true });
    expect(moving.map((p) => p.status)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
  });

  it('judges a partition the group never committed on while it has messages: STALL with members, STOP without', () => {
    // The group committed elsewhere (it is running) but this partition was never handled: a blocked partition.
    const stalled = partitionScenario({ start: { committed: -1, end: 1530 } });
    const live = stalled.pollTimes(3, { consumerActive: true });
    expect(live.map((p) => [p.lag, p.status])).toEqual([
      [1530, 'OK'],
      [1530, 'STALL'],
      [1530, 'STALL'],
    ]);

    const stopped = partitionScenario({ start: { committed: -1, end: 1530 } });
    expect(stopped.pollTimes(2).map((p) => p.status)).toEqual(['OK', 'STOP']);
  });

  it('never calls a partition OK once its offset stayed put over the window while behind', () => {
    for (const consumerActive of [true, false]) {
      const { pollTimes } = caughtUp();
      const polls = pollTimes(12, { produce: 10, consumerActive });
      expect(polls.at(-1)?.status).toMatch(/^(STALL|STOP)$/);
    }
  });

  it('flags a group already stuck when monitoring starts: STOP without members, STALL with them', () => {
    const stopped = partitionScenario({ start: { committed: 0, end: 100 } });
    expect(stopped.poll({ produce: 100 }).status).toBe('OK');
    expect(stopped.poll({ produce: 100 }).status).toBe('STOP');

    const stalled = partitionScenario({ start: { committed: 0, end: 100 } });
    expect(stalled.poll({ produce: 100, consumerActive: true }).status).toBe('OK');
    expect(stalled.poll({ produce: 100, consumerActive: true }).status).toBe('STALL');
  });

  it('measures STOP from the last commit when the consumer was already behind', () => {
    const { pollTimes } = partitionScenario();
    pollTimes(4, { produce: 100, consume: 90 });
    // Commits at 1..4 min span 3 minutes: a slow consumer (WARN) until 4 silent minutes exceed that span.
    expect(pollTimes(4, { produce: 100 }).map((p) => p.status)).toEqual(['WARN', 'WARN', 'WARN', 'STOP']);
  });

  it('keeps reporting STOP with growing lag when the poller stops seeing the group', () => {
    const { pollTimes, advance, current } = caughtUp();
    pollTimes(10, { produce: 100 });
    advance(60 * 60_000);
    expect(current()).toMatchObject({ lag: 1000, status: 'STOP' });
    expect(current().lagSeconds).toBeGreaterThan(60 * 60);
  });

  it('returns to OK when the consumer resumes', () => {
    const { pollTimes, poll } = caughtUp();
    expect(pollTimes(10, { produce: 100 }).at(-1)?.status).toBe('STOP');
    expect(poll({ produce: 100, consume: 600 })).toMatchObject({ lag: 500, status: 'OK' });
    expect(poll({ produce: 100, consume: 600 })).toMatchObject({ lag: 0, status: 'OK' });
  });
});

describe('evaluatePartition: REWIND', () => {
  it('flags an offset reset backwards until the consumer catches up again', () => {
    const { poll, pollTimes } = caughtUp();
    expect(poll({ produce: 100, committed: 200 })).toMatchObject({ lag: 900, status: 'REWIND' });
    expect(pollTimes(3, { produce: 100, consume: 300 }).map((p) => p.status)).toEqual(['REWIND', 'REWIND', 'REWIND']);
    expect(poll({ produce: 100, consume: 400 })).toMatchObject({ lag: 0, status: 'OK' });
  });

  it('clears once the commit it went back from has left the window, even while still behind', () => {
    const { poll, pollTimes } = partitionScenario({ intervals: 3 });
    pollTimes(3, { produce: 100, consume: 90 });
    expect(poll({ produce: 100, committed: 100 }).status).toBe('REWIND');
    const after = pollTimes(2, { produce: 100, consume: 110 });
    expect(after.map((p) => [p.lag, p.status])).toEqual([
      [290, 'REWIND'],
      [280, 'OK'],
    ]);
  });

  it('does not call a recreated topic (log end went down) a rewind', () => {
    const { poll } = caughtUp();
    expect(poll({ committed: 10, produce: -990 })).toMatchObject({ lag: 0, status: 'OK' });
    expect(poll({ produce: 20, consume: 20 })).toMatchObject({ lag: 0, status: 'OK' });
  });
});

describe('evaluatePartition: WARN', () => {
  it('warns when offsets advance but lag never decreases across the window', () => {
    const { pollTimes } = partitionScenario();
    const polls = pollTimes(10, { produce: 100, consume: 60 });
    expect(polls.map((p) => p.lag)).toEqual([40, 80, 120, 160, 200, 240, 280, 320, 360, 400]);
    // A single commit shows no trend yet.
    expect(polls.map((p) => p.status)).toEqual(['OK', ...Array<string>(9).fill('WARN')]);
  });

  it('warns on a constant non-zero lag, as Burrow does (lag "stays the same or increases")', () => {
    const { pollTimes } = partitionScenario({ start: { committed: 0, end: 50 } });
    expect(pollTimes(5, { produce: 100, consume: 100 }).at(-1)).toMatchObject({ lag: 50, status: 'WARN' });
  });

  it('clears as soon as lag decreases once within the window', () => {
    const { pollTimes, poll } = partitionScenario();
    pollTimes(4, { produce: 100, consume: 60 });
    expect(poll({ produce: 100, consume: 120 })).toMatchObject({ lag: 140, status: 'OK' });
  });
});
