import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FerretDbServer } from './ferretdb/server';
import { freePort } from './free-port';
import type { KafkaBroker } from './kafka/broker';
import { restartFerretDb, restartKafkaBroker, type StackLocation } from './restart';
import { startStack } from './stack';

/**
 * A broker and a store of one's own, on a temporary folder and fixed ports, for a test that kills and
 * restarts them (the shared ones serve other files). It keeps the servers now running, so `stop`
 * stops those, whichever start they came from.
 */
export interface PrivateStack {
  readonly kafkaBrokers: string[];
  readonly mongoUri: string;
  readonly kafka: KafkaBroker;
  readonly mongo: FerretDbServer;
  /** Starts the broker again on the same folder and ports: same cluster, topics and offsets. */
  restartKafka(): Promise<void>;
  /** Starts FerretDB again on the same SQLite files and port. */
  restartMongo(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateStack(tag: string): Promise<PrivateStack> {
  const dataDir = await mkdtemp(join(tmpdir(), `zc-${tag}-`));
  const ports = { kafka: await freePort(), kafkaController: await freePort(), mongo: await freePort() };
  const location: StackLocation = { dataDir, ports, report: () => undefined };
  const stack = await startStack({ report: location.report, dataDir, ports });
  let kafka = stack.kafka;
  let mongo = stack.mongo;
  return {
    kafkaBrokers: stack.kafkaBrokers,
    mongoUri: stack.mongoUri,
    get kafka() {
      return kafka;
    },
    get mongo() {
      return mongo;
    },
    async restartKafka() {
      kafka = await restartKafkaBroker(location);
    },
    async restartMongo() {
      mongo = await restartFerretDb(location);
    },
    async stop() {
      await Promise.allSettled([kafka.stop(), mongo.stop()]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
