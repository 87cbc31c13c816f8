export { Actor, EventEnvelope, defineEvent, type AnyEventDefinition, type EventOf } from './envelope';
export {
  EncryptedBlob,
  IsoDateTime,
  TimeWindow,
  ZendeskAccount,
  ZendeskEndpoint,
  ZendeskId,
  ZendeskRole,
  safeText,
  unsafeCharacterIn,
  unsafeCharacterMessage,
} from './primitives';

export * from './events/connector-registration';
export * from './events/connector-authorization';
export * from './events/connector-operations';
export * from './events/token-rotation';
export { ConnectorEvent, connectorEventDefinitions } from './events/connector-events';
export * from './events/collection-events';
export * from './events/activity-events';
export { activityIdFor } from './events/activity-id';
export * from './events/user-events';

export { ConnectorRegisteredV1 } from './versioning/connector-registered-v1';
export { ConnectorRegisteredV2 } from './versioning/connector-registered-v2';
export {
  ConnectorAuthorizedV1,
  ConnectorTokenRefreshedV1,
  ConnectorTokenRotationDueV1,
} from './versioning/token-events-v1';
export { defineUpcaster, type Upcaster, type UpcastResult } from './versioning/upcaster';

export {
  allEventDefinitions,
  currentSchemaVersion,
  eventDefinitionsOf,
  eventTypesOf,
  topicOfEventType,
  upcastersOf,
  type AnyEvent,
  type EventType,
  type TopicEventMap,
} from './event-registry';
export { FIRST_SEQUENCE, NO_SEQUENCE, sequenceAfter } from './sequence';
export { newEvent, type EnvelopeFields, type EventData, type EventOfType } from './new-event';
export { parseEvent, parseEventJson } from './parse-event';
export {
  ContractViolationError,
  type ContractViolationDetails,
  type ContractViolationReason,
} from './contract-violation-error';
export {
  encodeEvent,
  eventHeadersOf,
  messageKeyOf,
  toEventMessage,
  type EncodedEvent,
  type EventHeaders,
  type EventMessage,
} from './event-message';

export {
  TOPIC_NAMES,
  brokerTopicName,
  dlqBrokerTopicName,
  dlqTopicName,
  isTopicName,
  type TopicName,
} from './topic-names';
export {
  DEFAULT_ACTIVITY_RETENTION_MS,
  DEFAULT_PARTITIONS,
  DLQ_RETENTION,
  LONG_RETENTION_MS,
  RETAIN_FOREVER,
  TopicCatalogOptions,
  brokerTopicSpecs,
  topicCatalog,
  type BrokerTopicSpec,
  type DlqTopicSpec,
  type ProvisioningOptions,
  type TopicKey,
  type TopicRetention,
  type TopicSpec,
  type TopicUse,
} from './topic-catalog';
export { jsonSchemaFileName, jsonSchemaFiles } from './json-schema-files';

export { encryptionContexts } from './secrets/encryption-contexts';
export { TokenBundle, openTokenBundle, sealTokenBundle, type TokenBundleInput } from './secrets/token-bundle';
export { openClientSecret, sealClientSecret } from './secrets/client-secret';
