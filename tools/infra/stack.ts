import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFerretDb, type FerretDbServer } from './ferretdb/server';
import { provisionFerretDb } from './ferretdb/provision';
import { freePort } from './free-port';
import { startKafkaBroker, type KafkaBroker } from './kafka/broker';
import { provisionKafka } from './kafka/provision';
import type { Reporter } from './progress';

export interface InfraPorts {
  kafka: number;
  kafkaController: number;
  mongo: number;
}

export interface StackOptions {
  report: Reporter;
  /** A folder kept across runs (npm start); omitted means a temporary one removed on stop. */
  dataDir?: string;
  /** Fixed ports (npm start); omitted means free ports chosen by the kernel. */
  ports?: InfraPorts;
  onKafkaLine?: (line: string) => void;
  onMongoLine?: (line: string) => void;
}

export interface Stack {
  readonly kafkaBrokers: string[];
  readonly mongoUri: string;
  readonly kafka: KafkaBroker;
  readonly mongo: FerretDbServer;
  readonly timings: { provisionMs: number; startMs: number };
  stop(): Promise<void>;
}

/** Provisions (cached) and starts one Kafka broker and one FerretDB, in parallel. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const provisionStarted = Date.now();
  const [libDir, ferretBinary] = await Promise.all([provisionKafka(options.report), provisionFerretDb(options.report)]);
  const provisionMs = Date.now() - provisionStarted;

  const persistent = options.dataDir !== undefined;
  const root = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'zc-infra-')));
  const ports = options.ports ?? {
    kafka: await freePort(),
    kafkaController: await freePort(),
    mongo: await freePort(),
  };

  const startStarted = Date.now();
  const [kafka, mongo] = await Promise.allSettled([
    startKafkaBroker({
      libDir,
      workDir: join(root, 'kafka'),
      ports: { port: ports.kafka, controllerPort: ports.kafkaController },
      persistent,
      ...(options.onKafkaLine ? { onLine: options.onKafkaLine } : {}),
    }),
    startFerretDb({
      binary: ferretBinary,
      dataDir: join(root, 'ferretdb'),
      port: ports.mongo,
      persistent,
      ...(options.onMongoLine ? { onLine: options.onMongoLine } : {}),
    }),
  ]);
  if (kafka.status === 'rejected' || mongo.status === 'rejected') {
    if (kafka.status === 'fulfilled') await kafka.value.stop();
    if (mongo.status === 'fulfilled') await mongo.value.stop();
    if (!persistent) await rm(root, { recursive: true, force: true });
    throw kafka.status === 'rejected' ? kafka.reason : (mongo as PromiseRejectedResult).reason;
  }
  const startMs = Date.now() - startStarted;

  return {
    kafkaBrokers: [kafka.value.bootstrapServer],
    mongoUri: mongo.value.uri,
    kafka: kafka.value,
    mongo: mongo.value,
    timings: { provisionMs, startMs },
    async stop() {
      await Promise.all([kafka.value.stop(), mongo.value.stop()]);
      if (!persistent) await rm(root, { recursive: true, force: true });
    },
  };
}
