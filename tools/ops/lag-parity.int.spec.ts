import { consoleReporter } from '@zc/infra';
import {
  connectClusterAdmin,
  createKafkaClient,
  createPublisher,
  ensureTopics,
  silentLogger,
  type ClusterAdmin,
} from '@zc/kafka';
import { LagSampler } from '@zc/lag-sampler';
import { countingConsumer, message } from '@zc/lag-sampler/testing';
import { uniqueName, waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CONSUMER_GROUP_COMMAND, provisionKafkaTools, runKafkaTool } from '../infra/kafka-tools/provision';

interface ToolRow {
  partition: number;
  currentOffset: number;
  logEndOffset: number;
  lag: number;
}

/** Reads `kafka-consumer-groups --describe` output by its header, so column order changes do not matter. */
function parseDescribe(output: string, group: string, topic: string): ToolRow[] {
  const lines = output.split('\n').map((line) => line.trim().split(/\s+/));
  const header = lines.find((cells) => cells[0] === 'GROUP' && cells.includes('LOG-END-OFFSET'));
  if (!header) throw new Error(`no table in the tool's output:\n${output}`);
  const column = (name: string) => header.indexOf(name);
  return lines
    .filter((cells) => cells[column('GROUP')] === group && cells[column('TOPIC')] === topic)
    .map((cells) => ({
      partition: Number(cells[column('PARTITION')]),
      currentOffset: Number(cells[column('CURRENT-OFFSET')]),
      logEndOffset: Number(cells[column('LOG-END-OFFSET')]),
      lag: Number(cells[column('LAG')]),
    }))
    .sort((a, b) => a.partition - b.partition);
}

describe("lag parity with Kafka's kafka-consumer-groups tool", () => {
  const brokers = inject('kafkaBrokers');
  const client = createKafkaClient({ brokers, clientId: 'lag-parity-spec', logger: silentLogger });
  let cluster: ClusterAdmin;
  const publisher = createPublisher(client);
  const topic = uniqueName(import.meta.url, 'topic');
  const groupId = uniqueName(import.meta.url, 'group');
  let toolsDir = '';

  beforeAll(async () => {
    // The first run downloads the tools' jars from Maven Central (a minute or so); later runs reuse the cache.
    toolsDir = await provisionKafkaTools(consoleReporter);
    [cluster] = await Promise.all([connectClusterAdmin(client), publisher.connect()]);
    await ensureTopics(client, [{ name: topic, partitions: 3 }]);
  }, 600_000);
  afterAll(async () => {
    await Promise.all([cluster.disconnect(), publisher.disconnect()]);
  });

  it('reports the same committed offset, log-end offset and lag per partition', async () => {
    await publisher.publish(
      topic,
      Array.from({ length: 30 }, (_, n) => message(`key-${String(n)}`, n)),
    );
    const { state, runner } = await countingConsumer(client, groupId, topic);
    await waitFor(() => state.consumed === 30, { description: '30 messages consumed' });
    await runner.stop();
    // Produced after the consumer left: this is the lag both sides must see.
    await publisher.publish(
      topic,
      Array.from({ length: 17 }, (_, n) => message(`key-${String(100 + n)}`, 100 + n)),
    );

    const sampler = new LagSampler({ cluster, groups: [groupId] });
    await sampler.sample();
    const ours = sampler.report(groupId).groups[0]?.partitions ?? [];
    const output = await runKafkaTool(toolsDir, CONSUMER_GROUP_COMMAND, [
      '--bootstrap-server',
      brokers.join(','),
      '--describe',
      '--group',
      groupId,
    ]);
    const theirs = parseDescribe(output, groupId, topic);

    expect(theirs).toHaveLength(3);
    expect(
      ours.map((p) => ({
        partition: p.partition,
        currentOffset: p.committedOffset,
        logEndOffset: p.highWatermark,
        lag: p.lag,
      })),
    ).toEqual(theirs);
    expect(theirs.reduce((sum, row) => sum + row.lag, 0)).toBe(17);
  });
});
