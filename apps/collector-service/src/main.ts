import { closeOnSignals, createLogger } from '@zc/http';
import { startCollector } from './runtime';
import { loadConfig } from './config';

const config = loadConfig(process.env);
const logger = createLogger({ serviceName: 'collector-service', level: config.LOG_LEVEL });
const collector = await startCollector({ config, logger });
// The app closes first (readiness drops); then consumer, workers (leases released), producers, database.
closeOnSignals(collector.app, [() => collector.stop()]);
await collector.app.listen({ port: config.PORT, host: config.HOST });
logger.info({ port: config.PORT, host: config.HOST, instanceId: collector.instanceId }, 'collector-service listening');
