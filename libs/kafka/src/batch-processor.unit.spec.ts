import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { processBatch, type BatchHandling } from './batch-processor';
import type { DeadLetterReason } from './dead-letter';
import { jsonValue } from './incoming-message';
import { silentLogger } from './logger';
import { RetryLedger } from './retry-ledger';

const raw = (offset: number, value: string): KafkaMessage => ({
  offset: String(offset),
  key: Buffer.from('k'),
  value: Buffer.from(value),
  headers: {},
  timestamp: '0',
  attributes: 0,
});

class PermanentError extends Error {}

function harness(handle: (values: number[]) => void, maxAttempts = 2, maxBatchSize = 100) {
  const handled: number[][] = [];
  const dlq: { offset: string; reason: DeadLetterReason }[] = [];
  const resolved: string[] = [];
  const commits: string[] = [];
  const deferrals: number[] = [];
  const handling: BatchHandling<number> = {
    parse: (message) => Number(jsonValue(message)),
    handleBatch: (items) => {
      const values = items.map((item) => item.value);
      handle(values);
      handled.push(values);
      return Promise.resolve();
    },
    retry: { maxAttempts, initialBackoffMs: 10, maxBackoffMs: 40 },
    isRetriable: (error) => !(error instanceof PermanentError),
    deadLetters: {
      send: (source, _error, reason) => {
        dlq.push({ offset: source.message.offset, reason });
        return Promise.resolve();
      },
    },
    logger: silentLogger,
    maxBatchSize,
    ledger: new RetryLedger(),
  };
  const control = {
    running: true,
    budgetLeft: true,
    heartbeat: () => Promise.resolve(),
    shouldContinue: () => control.running,
    withinBudget: () => control.budgetLeft,
    resolve: (offset: string) => resolved.push(offset),
    commit: () => {
      commits.push(resolved.at(-1) ?? '-');
      return Promise.resolve();
    },
    defer: (delayMs: number) => deferrals.push(delayMs),
  };
  return { handling, control, handled, dlq, resolved, commits, deferrals };
}

const batch = (values: string[], from = 0) => ({
  topic: 't',
  partition: 0,
  messages: values.map((v, i) => raw(from + i, v)),
});

/** Calls the processor again after each back-off, as the runner does when the paused partition resumes. */
async function untilDone(h: ReturnType<typeof harness>, values: string[]) {
  for (let call = 0; call < 100; call += 1) {
    const resolvedAt = h.resolved.length === 0 ? -1 : Math.max(...h.resolved.map(Number));
    const rest = values.slice(resolvedAt + 1);
    if (rest.length === 0) return call;
    await processBatch(h.handling, batch(rest, resolvedAt + 1), h.control);
  }
  throw new Error('never done');
}

describe('processBatch', () => {
  it('hands every parsed message to the handler in one call and resolves the last offset', async () => {
    const h = harness(() => undefined);
    expect(await processBatch(h.handling, batch(['1', '2', '3']), h.control)).toBe('done');
    expect(h.handled).toEqual([[1, 2, 3]]);
    expect(h.resolved.at(-1)).toBe('2');
  });

  it('hands at most maxBatchSize messages per call and commits after each call', async () => {
    const h = harness(() => undefined, 2, 2);
    expect(await processBatch(h.handling, batch(['1', '2', '3', '4', '5']), h.control)).toBe('done');
    expect(h.handled).toEqual([[1, 2], [3, 4], [5]]);
    expect(h.commits.slice(0, 3)).toEqual(['1', '3', '4']);
  });

  it('yields at a chunk boundary once the time budget is used, leaving the rest unresolved', async () => {
    const h = harness(() => (h.control.budgetLeft = false), 2, 2);
    expect(await processBatch(h.handling, batch(['1', '2', '3', '4', '5']), h.control)).toBe('yielded');
    expect(h.handled).toEqual([[1, 2]]);
    expect(h.resolved).toEqual(['1']);
    expect(h.commits).toEqual(['1']);
  });

  it('stops at a chunk boundary when the consumer stops', async () => {
    const h = harness(() => (h.control.running = false), 2, 2);
    expect(await processBatch(h.handling, batch(['1', '2', '3']), h.control)).toBe('yielded');
    expect(h.handled).toEqual([[1, 2]]);
  });

  it('sends unparseable messages to the DLQ and handles the rest', async () => {
    const h = harness(() => undefined);
    await processBatch(h.handling, batch(['1', '{oops', '3', 'nope']), h.control);
    expect(h.dlq).toEqual([
      { offset: '1', reason: 'parse' },
      { offset: '3', reason: 'parse' },
    ]);
    expect(h.handled).toEqual([[1, 3]]);
    expect(h.resolved.at(-1)).toBe('3');
  });

  it('defers a transient failure with a back-off, then retries the same chunk without splitting it', async () => {
    let failures = 1;
    const h = harness(() => {
      if (failures-- > 0) throw new Error('transient');
    });
    expect(await processBatch(h.handling, batch(['1', '2']), h.control)).toBe('deferred');
    expect(h.deferrals).toEqual([10]);
    expect(h.resolved).toEqual([]);
    expect(await processBatch(h.handling, batch(['1', '2']), h.control)).toBe('done');
    expect(h.handled).toEqual([[1, 2]]);
    expect(h.dlq).toEqual([]);
  });

  it('bisects a failing batch across retries so only the poison message goes to the DLQ', async () => {
    const h = harness((values) => {
      if (values.includes(3)) throw new Error('poison');
    }, 3);
    const values = ['1', '2', '3', '4', '5'];
    await untilDone(h, values);
    expect(h.dlq).toEqual([{ offset: '2', reason: 'handler' }]);
    expect(h.handled.flat().sort()).toEqual([1, 2, 4, 5]);
    expect(h.resolved.at(-1)).toBe('4');
    expect(h.deferrals.length).toBeGreaterThan(0);
  });

  it('bisects at once on a non-retriable error', async () => {
    const h = harness((values) => {
      if (values.includes(3)) throw new PermanentError('poison');
    });
    expect(await processBatch(h.handling, batch(['1', '2', '3', '4', '5']), h.control)).toBe('done');
    expect(h.dlq).toEqual([{ offset: '2', reason: 'handler' }]);
    expect(h.deferrals).toEqual([]);
  });
});
