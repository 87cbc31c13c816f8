export { createKafkaClient, type KafkaClient, type KafkaClientOptions, type KafkaLogLevel } from './client';
export { silentLogger, type KafkaLogger } from './logger';
export { ensureTopics, TopicsNotReadyError, type TopicSpec, type EnsureTopicsOptions } from './topics';
export { HEADER, type EventHeaders } from './headers';
export { traceparentFor, traceIdOf } from './trace-context';
export {
  createPublisher,
  createRawProducer,
  UnserialisableMessageError,
  type OutgoingMessage,
  type Publisher,
  type RawMessage,
  type RawProducer,
} from './publisher';
export { jsonValue, type IncomingMessage } from './incoming-message';
export type { HandlerContext, ParsedMessage } from './batch-processor';
export {
  runConsumer,
  type CommittedOffset,
  type ConsumerRunner,
  type ConsumerRunnerOptions,
  type ConsumerTuning,
} from './consumer-runner';
export { DLQ_HEADER, type DeadLetterReason } from './dead-letter';
export { backoffMs, type RetryPolicy } from './retry';
export type { PartitionLag, ReadConsumerLagOptions } from './lag-reader';
export {
  connectClusterAdmin,
  type ClusterAdmin,
  type GroupDescription,
  type LagReads,
  type ListedGroup,
} from './cluster-admin';
