export { startCollector, workerSettings, type Collector, type CollectorOptions } from './collector';
export { CollectorConfigSchema, loadConfig, type CollectorConfig } from './config';
