import { z } from 'zod';
import { contractViolation as violation } from './contract-violation-error';
import { eventDefinitionsOf, upcastersOf, type TopicEventMap } from './event-registry';
import { isTopicName, type TopicName } from './topic-names';

/** Just enough of the envelope to pick the schema; everything else is checked by that schema. */
const Discriminator = z.object({ type: z.string().min(1), schemaVersion: z.int().positive() });

const customIssue = (path: string, message: string): z.core.$ZodIssue => ({ code: 'custom', path: [path], message });

/**
 * Reads one message of a topic: validates it against the schema of its type and version, upcasts it to the
 * current version, and returns the typed event. Anything else throws ContractViolationError, never ZodError.
 */
export function parseEvent<Topic extends TopicName>(topic: Topic, json: unknown): TopicEventMap[Topic] {
  if (!isTopicName(topic)) {
    throw violation('UNKNOWN_TOPIC', topic, null, null, [customIssue('topic', `unknown topic ${String(topic)}`)]);
  }
  const discriminator = Discriminator.safeParse(json);
  if (!discriminator.success) throw violation('INVALID_EVENT', topic, null, null, discriminator.error.issues);
  const { type, schemaVersion } = discriminator.data;

  const current = eventDefinitionsOf(topic).find((definition) => definition.type === type);
  if (!current)
    throw violation('UNKNOWN_EVENT_TYPE', topic, type, schemaVersion, [customIssue('type', `not on ${topic}`)]);

  let message = json;
  let version = schemaVersion;
  while (version < current.schemaVersion) {
    const upcaster = upcastersOf(topic).find((step) => step.type === type && step.fromVersion === version);
    if (!upcaster) break;
    const lifted = upcaster.apply(message);
    if (!lifted.success) throw violation('INVALID_EVENT', topic, type, version, lifted.issues);
    message = lifted.data;
    version = upcaster.toVersion;
  }
  if (version !== current.schemaVersion) {
    const issue = customIssue('schemaVersion', `${type} has versions up to ${current.schemaVersion}`);
    throw violation('UNSUPPORTED_SCHEMA_VERSION', topic, type, schemaVersion, [issue]);
  }

  const parsed = current.schema.safeParse(message);
  if (!parsed.success) throw violation('INVALID_EVENT', topic, type, schemaVersion, parsed.error.issues);
  // The registry pairs each topic with exactly the definitions of TopicEventMap[Topic].
  return parsed.data as TopicEventMap[Topic];
}

/** parseEvent for a raw Kafka message value, so malformed JSON is a contract violation too. */
export function parseEventJson<Topic extends TopicName>(topic: Topic, text: string): TopicEventMap[Topic] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw violation('MALFORMED_JSON', topic, null, null, [customIssue('value', 'not valid JSON')], cause);
  }
  return parseEvent(topic, json);
}
