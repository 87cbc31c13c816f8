export { startStack, type Stack, type StackOptions, type InfraPorts } from './stack';
export { provisionKafka } from './kafka/provision';
export { provisionFerretDb } from './ferretdb/provision';
export { consoleReporter, type Reporter } from './progress';
export { freePort } from './free-port';
export { ManagedProcess, type ManagedProcessOptions } from './managed-process';
export { cacheRoot } from './cache-dir';
export { restartKafkaBroker, restartFerretDb, type StackLocation } from './restart';
export { startPrivateStack, type PrivateStack } from './private-stack';
export {
  checkIdIndexes,
  IdIndexStatusSchema,
  type IdIndexStatus,
  type FerretDbLocation,
} from './ferretdb/id-index-check';
export { startFerretDb, type FerretDbOptions, type FerretDbServer } from './ferretdb/server';
