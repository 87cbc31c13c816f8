/**
 * Rebuilds one view from the topics into its next version and switches the alias when caught up.
 *   npx tsx apps/projection-service/src/cli/rebuild.ts --view activities|status|users
 * Reads KAFKA_BROKERS, MONGO_URI, MONGO_DB, KAFKA_TOPIC_PREFIX, ACTIVITY_RETENTION like the service.
 */
import { parseArgs } from 'node:util';
import { parseConfig } from '@zc/config';
import { createLogger } from '@zc/http';
import { createKafkaClient } from '@zc/kafka';
import { connectMongo } from '@zc/mongo';
import { z } from 'zod';
import { rebuildPorts } from '../adapters/rebuild-ports';
import { ProjectionConfig } from '../config';
import { rebuildView } from '../application/rebuild-view';
import { VIEW_NAMES } from '../domain/view-names';

const { values } = parseArgs({ options: { view: { type: 'string' } } });
const view = z.enum(VIEW_NAMES).safeParse(values.view);
if (!view.success) {
  process.stderr.write(`usage: rebuild.ts --view ${VIEW_NAMES.join('|')}\n`);
  process.exit(2);
}
const config = parseConfig(
  ProjectionConfig.pick({
    KAFKA_BROKERS: true,
    MONGO_URI: true,
    MONGO_DB: true,
    KAFKA_TOPIC_PREFIX: true,
    ACTIVITY_RETENTION: true,
    LOG_LEVEL: true,
  }),
  process.env,
);
const logger = createLogger({
  serviceName: 'projection-rebuild',
  level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
});
const mongo = await connectMongo({ uri: config.MONGO_URI, dbName: config.MONGO_DB, appName: 'projection-rebuild' });
const client = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'projection-rebuild', logger });
const now = () => new Date();
const ports = await rebuildPorts({
  client,
  mongo,
  naming: { prefix: config.KAFKA_TOPIC_PREFIX },
  activityRetentionMs: config.ACTIVITY_RETENTION,
  now,
  logger,
});
try {
  const result = await rebuildView({
    ...ports,
    view: view.data,
    now,
    onProgress: (p) => {
      const eta = p.etaSeconds === null ? '?' : `${p.etaSeconds.toFixed(0)} s`;
      process.stdout.write(`${p.phase}: consumed ${String(p.consumed)} / ${String(p.total)} offsets, ETA ${eta}\n`);
    },
  });
  process.stdout.write(
    `switched ${result.view}: v${String(result.fromVersion)} -> v${String(result.toVersion)} (group ${result.groupId})\n`,
  );
} finally {
  await ports.close();
  await mongo.close();
}
