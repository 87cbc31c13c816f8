import {
  connectClusterAdmin,
  createKafkaClient,
  createPublisher,
  ensureTopics,
  silentLogger,
  type ClusterAdmin,
} from '@zc/kafka';
import { lagRoutes, LagSampler } from '@zc/lag-sampler';
import { countingConsumer, message } from '@zc/lag-sampler/testing';
import { uniqueName, waitFor } from '@zc/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from './repo-files';

/**
 * Runs the real script as `npm run lag` does, with a clean LAG_URL/KAFKA_BROKERS unless given.
 * Asynchronously: the service it asks lives in this process and must keep answering meanwhile.
 */
function lag(args: string[], env: Record<string, string> = {}) {
  const { LAG_URL: _url, KAFKA_BROKERS: _brokers, ...rest } = process.env;
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      tsx,
      ['tools/ops/lag.ts', ...args],
      { cwd: ROOT, env: { ...rest, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ status: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr });
      },
    );
  });
}

describe('npm run lag', () => {
  const brokers = inject('kafkaBrokers');
  const client = createKafkaClient({ brokers, clientId: 'lag-cli-spec', logger: silentLogger });
  let cluster: ClusterAdmin;
  const topic = uniqueName(import.meta.url, 'topic');
  const groupId = uniqueName(import.meta.url, 'group');
  let server: FastifyInstance;
  let url = '';

  beforeAll(async () => {
    cluster = await connectClusterAdmin(client);
    await ensureTopics(client, [{ name: topic, partitions: 2 }]);
    const publisher = createPublisher(client);
    await publisher.connect();
    const numbered = (n: number) => message(`k-${String(n)}`, n);
    await publisher.publish(topic, [0, 1, 2, 3].map(numbered));
    const { state, runner } = await countingConsumer(client, groupId, topic);
    await waitFor(() => state.consumed === 4, { description: '4 consumed' });
    await runner.stop();
    await publisher.publish(topic, [4, 5, 6].map(numbered));
    await publisher.disconnect();

    const sampler = new LagSampler({ cluster, groups: [groupId] });
    await sampler.sample();
    server = Fastify();
    await server.register(lagRoutes, { sampler });
    url = `${await server.listen({ host: '127.0.0.1', port: 0 })}/v1/lag`;
  });
  afterAll(async () => {
    await server.close();
    await cluster.disconnect();
  });

  it("prints the service's report as a table", async () => {
    const { status, stdout } = await lag([], { LAG_URL: url });
    expect(status).toBe(0);
    expect(stdout).toMatch(/^GROUP\s+TOPIC\s+PARTITION\s+COMMITTED\s+END\s+LAG/);
    expect(stdout).toMatch(new RegExp(`${groupId}\\s+\\(group\\)\\s+3\\s`));
  });

  it('samples the brokers itself with --direct', async () => {
    const { status, stdout } = await lag([
      '--direct',
      '--brokers',
      brokers.join(','),
      '--group',
      groupId,
      '--gap-ms',
      '300',
    ]);
    expect(status).toBe(0);
    expect(stdout).toMatch(new RegExp(`${groupId}\\s+${topic}\\s+0\\s`));
    expect(stdout).toMatch(new RegExp(`${groupId}\\s+\\(group\\)\\s+3\\s`));
  });

  it('says what to do when neither the service nor brokers are available', async () => {
    const { status, stderr } = await lag([], { LAG_URL: 'http://127.0.0.1:9/v1/lag' });
    expect(status).toBe(1);
    expect(stderr).toContain('Could not reach http://127.0.0.1:9/v1/lag');
    expect(stderr).toContain('--direct --brokers host:port');
  });
});
