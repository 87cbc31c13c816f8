import type { AnyEventDefinition } from './envelope';
import type { ActivityEvent } from './events/activity-events';
import { activityEventDefinitions } from './events/activity-events';
import type { CollectionEvent } from './events/collection-events';
import { collectionEventDefinitions } from './events/collection-events';
import type { ConnectorEvent } from './events/connector-events';
import { connectorEventDefinitions } from './events/connector-events';
import type { UserEvent } from './events/user-events';
import { userEventDefinitions } from './events/user-events';
import type { TopicName } from './topic-names';
import { connectorRegisteredV1ToV2 } from './versioning/connector-registered-v1';
import { connectorRegisteredV2ToV3 } from './versioning/connector-registered-v2';
import {
  connectorAuthorizedV1ToV2,
  connectorTokenRefreshedV1ToV2,
  connectorTokenRotationDueV1ToV2,
} from './versioning/token-events-v1';
import type { Upcaster } from './versioning/upcaster';

export interface TopicEventMap {
  'connector.events': ConnectorEvent;
  'collection.events': CollectionEvent;
  'zendesk.activities': ActivityEvent;
  'zendesk.users': UserEvent;
}
export type AnyEvent = TopicEventMap[TopicName];
export type EventType = AnyEvent['type'];

interface TopicContract {
  /** The current version of each event type the topic carries. */
  readonly events: readonly AnyEventDefinition[];
  /** Every step from an older version towards the current one; new steps are added here. */
  readonly upcasters: readonly Upcaster[];
}

const contracts: Record<TopicName, TopicContract> = {
  'connector.events': {
    events: connectorEventDefinitions,
    upcasters: [
      connectorRegisteredV1ToV2,
      connectorRegisteredV2ToV3,
      connectorAuthorizedV1ToV2,
      connectorTokenRefreshedV1ToV2,
      connectorTokenRotationDueV1ToV2,
    ],
  },
  'collection.events': { events: collectionEventDefinitions, upcasters: [] },
  'zendesk.activities': { events: activityEventDefinitions, upcasters: [] },
  'zendesk.users': { events: userEventDefinitions, upcasters: [] },
};

export function eventDefinitionsOf(topic: TopicName): readonly AnyEventDefinition[] {
  return contracts[topic].events;
}

export function upcastersOf(topic: TopicName): readonly Upcaster[] {
  return contracts[topic].upcasters;
}

export function eventTypesOf(topic: TopicName): readonly EventType[] {
  return contracts[topic].events.map((definition) => definition.type as EventType);
}

const topicByEventType = new Map<string, TopicName>(
  (Object.keys(contracts) as TopicName[]).flatMap((topic) =>
    contracts[topic].events.map((d) => [d.type, topic] as const),
  ),
);

/** The topic an event type is published to, for writers that hold only the event; undefined if unknown. */
export function topicOfEventType(type: string): TopicName | undefined {
  return topicByEventType.get(type);
}

const currentVersionByType = new Map<string, number>(
  (Object.keys(contracts) as TopicName[]).flatMap((topic) =>
    contracts[topic].events.map((d) => [d.type, d.schemaVersion] as const),
  ),
);

/** The version writers write of an event type: the one its topic's registry entry holds as current. */
export function currentSchemaVersion(type: EventType): number {
  const version = currentVersionByType.get(type);
  // Unreachable for a typed caller: every EventType is in the registry.
  if (version === undefined) throw new Error(`event type ${type} is not in the registry`);
  return version;
}

/** Every version of every event type, oldest first per type: what the JSON Schema export publishes. */
export function allEventDefinitions(): readonly (AnyEventDefinition & { topic: TopicName })[] {
  return (Object.keys(contracts) as TopicName[]).flatMap((topic) => {
    const { events, upcasters } = contracts[topic];
    const legacy = upcasters.map((upcaster) => upcaster.from);
    return [...legacy, ...events]
      .map((definition) => ({ ...definition, topic }))
      .sort((a, b) => a.type.localeCompare(b.type) || a.schemaVersion - b.schemaVersion);
  });
}
