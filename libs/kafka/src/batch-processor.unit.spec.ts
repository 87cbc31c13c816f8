import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { processBatch, type BatchHandling } from './batch-processor';
import type { DeadLetterReason } from './dead-letter';
import { jsonValue } from './incoming-message';
import { silentLogger } from './logger';

const raw = (offset: number, value: string): KafkaMessage => ({
  offset: String(offset),
  key: Buffer.from('k'),
  value: Buffer.from(value),
  headers: {},
  timestamp: '0',
  attributes: 0,
});

class PermanentError extends Error {}

function harness(handle: (values: number[]) => void, maxAttempts = 2) {
  const handled: number[][] = [];
  const dlq: { offset: string; reason: DeadLetterReason }[] = [];
  const resolved: string[] = [];
  const handling: BatchHandling<number> = {
    parse: (message) => Number(jsonValue(message)),
    handleBatch: (items) => {
      const values = items.map((item) => item.value);
      handle(values);
      handled.push(values);
      return Promise.resolve();
    },
    retry: { maxAttempts, initialBackoffMs: 1, maxBackoffMs: 1 },
    isRetriable: (error) => !(error instanceof PermanentError),
    deadLetters: {
      send: (source, _error, reason) => {
        dlq.push({ offset: source.message.offset, reason });
        return Promise.resolve();
      },
    },
    logger: silentLogger,
    sleep: () => Promise.resolve(),
  };
  const control = {
    running: true,
    heartbeat: () => Promise.resolve(),
    shouldContinue: () => control.running,
    resolve: (offset: string) => resolved.push(offset),
  };
  return { handling, control, handled, dlq, resolved };
}

const batch = (values: string[]) => ({ topic: 't', partition: 0, messages: values.map((v, i) => raw(i, v)) });

describe('processBatch', () => {
  it('hands every parsed message to the handler in one call and resolves the last offset', async () => {
    const h = harness(() => undefined);
    expect(await processBatch(h.handling, batch(['1', '2', '3']), h.control)).toBe(true);
    expect(h.handled).toEqual([[1, 2, 3]]);
    expect(h.resolved.at(-1)).toBe('2');
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

  it('bisects a failing batch so only the poison message goes to the DLQ', async () => {
    const h = harness((values) => {
      if (values.includes(3)) throw new PermanentError('poison');
    });
    expect(await processBatch(h.handling, batch(['1', '2', '3', '4', '5']), h.control)).toBe(true);
    expect(h.dlq).toEqual([{ offset: '2', reason: 'handler' }]);
    expect(h.handled.flat().sort()).toEqual([1, 2, 4, 5]);
    expect(h.resolved.at(-1)).toBe('4');
  });

  it('retries a transient failure without splitting the batch', async () => {
    let failures = 1;
    const h = harness(() => {
      if (failures-- > 0) throw new Error('transient');
    });
    await processBatch(h.handling, batch(['1', '2']), h.control);
    expect(h.handled).toEqual([[1, 2]]);
    expect(h.dlq).toEqual([]);
  });

  it('leaves the rest unresolved when the consumer stops during retries', async () => {
    const h = harness((values) => {
      if (values.includes(2)) throw new Error('down');
    }, 3);
    h.handling.sleep = () => {
      h.control.running = false;
      return Promise.resolve();
    };
    expect(await processBatch(h.handling, batch(['1', '2', '3']), h.control)).toBe(false);
    expect(h.dlq).toEqual([]);
    expect(h.resolved).toEqual([]);
  });
});
