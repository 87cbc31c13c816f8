import { join } from 'node:path';
import { startFerretDb, type FerretDbServer } from './ferretdb/server';
import { provisionFerretDb } from './ferretdb/provision';
import { startKafkaBroker, type KafkaBroker } from './kafka/broker';
import { provisionKafka } from './kafka/provision';
import type { Reporter } from './progress';
import type { InfraPorts } from './stack';

/** Where a stack started with an explicit `dataDir` and `ports` keeps its servers, so they can start again. */
export interface StackLocation {
  dataDir: string;
  ports: InfraPorts;
  report: Reporter;
}

/**
 * Starts the broker again on the same folder and ports (after a crash or a stop): same cluster id and
 * log segments, so clients reconnect to the same topics and offsets. The provisioned jars are cached.
 */
export async function restartKafkaBroker(location: StackLocation): Promise<KafkaBroker> {
  const libDir = await provisionKafka(location.report);
  return startKafkaBroker({
    libDir,
    workDir: join(location.dataDir, 'kafka'),
    ports: { port: location.ports.kafka, controllerPort: location.ports.kafkaController },
    persistent: true,
  });
}

/** Starts FerretDB again on the same SQLite files and port. */
export async function restartFerretDb(location: StackLocation): Promise<FerretDbServer> {
  const binary = await provisionFerretDb(location.report);
  return startFerretDb({
    binary,
    dataDir: join(location.dataDir, 'ferretdb'),
    port: location.ports.mongo,
    persistent: true,
  });
}
