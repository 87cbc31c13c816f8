import { parseEvent } from '@zc/contracts';
import { describe, expect, it } from 'vitest';
import { workload } from './workload';

describe('test events', () => {
  it('are valid against the contracts, on their own topics', () => {
    for (const item of workload(600, 3, 1).flat()) {
      expect(() => parseEvent(item.topic, JSON.parse(JSON.stringify(item.event)))).not.toThrow();
    }
  });
});
