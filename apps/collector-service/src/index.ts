export { startCollector, workerSettings, type Collector, type CollectorOptions } from './runtime';
export { CollectorConfigSchema, loadConfig, type CollectorConfig } from './config';
