import type { TopicEvent } from '../domain/view-fold';
import { activityEvent, connectorScenario, userEvent } from './events';
import { seededRandom } from './seeded';

/** Workloads built from a seed, and the orders in which Kafka may deliver them. */

const MINUTE = 60_000;
/** One stream per (topic, connector): the unit of order Kafka keeps. */
export type Streams = TopicEvent[][];

/** About `total` events over `connectors` connectors on all four topics, grouped by ordered stream. */
export function workload(total: number, connectors: number, seed: number, startMs = Date.UTC(2024, 4, 1)): Streams {
  const random = seededRandom(seed);
  const streams: Streams = [];
  let budget = total;
  const perConnector = Math.floor(total / connectors);
  for (let c = 0; c < connectors; c += 1) {
    const connectorId = `conn-${String(c)}`;
    const account = `acct${String(c % Math.max(1, connectors - 1))}`;
    const scenario = connectorScenario(connectorId, account, startMs, random);
    streams.push(scenario.connector.map((event) => ({ topic: 'connector.events' as const, event })));
    streams.push(scenario.collection.map((event) => ({ topic: 'collection.events' as const, event })));
    let left = Math.min(budget, perConnector) - scenario.connector.length - scenario.collection.length;
    const users: TopicEvent[] = [];
    const activities: TopicEvent[] = [];
    while (left > 0) {
      if (random() < 0.15) {
        const userId = Math.floor(random() * 50);
        // Zendesk's updated_at goes forward and backward across observations (re-scans replay old snapshots).
        const updatedAt = startMs + Math.floor(random() * 100) * MINUTE;
        users.push({
          topic: 'zendesk.users',
          event: userEvent(connectorId, account, userId, updatedAt, `v${String(updatedAt)}`),
        });
      } else {
        // Overlapping id ranges: neighbouring connectors share an account, and re-scans repeat records.
        const auditLogId = Math.floor(random() * perConnector * 2);
        activities.push({
          topic: 'zendesk.activities',
          event: activityEvent({
            connectorId,
            account,
            auditLogId,
            occurredAtMs: startMs + auditLogId * 1_000,
            collectedAtMs: startMs + auditLogId * 1_000 + Math.floor(random() * 60_000),
            // Content follows from the record id: Zendesk never changes an audit-log record.
            actorId: (auditLogId % 20) - 1,
            action: auditLogId % 2 === 0 ? 'update' : 'create',
          }),
        });
      }
      left -= 1;
    }
    streams.push(users, activities);
    budget -= perConnector;
  }
  return streams.filter((stream) => stream.length > 0);
}

/** Merges streams in a random interleaving that keeps each stream's own order, as Kafka does. */
export function interleave(streams: Streams, random: () => number): TopicEvent[] {
  const cursors = streams.map(() => 0);
  const out: TopicEvent[] = [];
  const live = streams.map((_, index) => index);
  while (live.length > 0) {
    const pick = Math.floor(random() * live.length);
    const streamIndex = live[pick] ?? 0;
    const stream = streams[streamIndex] ?? [];
    const cursor = cursors[streamIndex] ?? 0;
    const item = stream[cursor];
    if (item) out.push(item);
    cursors[streamIndex] = cursor + 1;
    if (cursor + 1 >= stream.length) live.splice(pick, 1);
  }
  return out;
}

export interface DeliveredBatch {
  topic: TopicEvent['topic'];
  events: TopicEvent['event'][];
}

const partitionOf = (key: string, partitions: number): number => {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % partitions;
};

/**
 * What consumers see: each stream lands in a partition of its topic by connector; a fetch returns up to
 * `batchSize` messages of one partition in order; partitions are served in a random order.
 */
export function partitionBatches(streams: Streams, partitions: number, batchSize: number, random: () => number) {
  const queues = new Map<string, TopicEvent[]>();
  for (const stream of streams) {
    const first = stream[0];
    if (!first) continue;
    const key = `${first.topic}/${String(partitionOf(first.event.connectorId, partitions))}`;
    // Streams sharing a partition interleave there, each keeping its order.
    const existing = queues.get(key) ?? [];
    queues.set(key, existing.length === 0 ? [...stream] : interleave([existing, stream], random));
  }
  const pending = [...queues.values()].map((queue) => ({ queue, cursor: 0 }));
  const out: DeliveredBatch[] = [];
  while (pending.length > 0) {
    const pick = Math.floor(random() * pending.length);
    const partition = pending[pick];
    if (!partition) break;
    const slice = partition.queue.slice(partition.cursor, partition.cursor + batchSize);
    partition.cursor += slice.length;
    const first = slice[0];
    if (first) out.push({ topic: first.topic, events: slice.map((item) => item.event) });
    if (partition.cursor >= partition.queue.length) pending.splice(pick, 1);
  }
  return out;
}
