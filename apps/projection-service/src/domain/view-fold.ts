import type { ActivityEvent, CollectionEvent, ConnectorEvent, TopicName, UserEvent } from '@zc/contracts';
import { mergeActivity, toActivityDoc, type ActivityDoc } from './activity-view';
import { applyStatusEvent, initialStatusView, type StatusTransition, type StatusView } from './status-view';
import { later, utc } from './time';
import { latestUser, toUserDoc, type UserDoc } from './user-view';

export type TopicEvent =
  | { topic: 'connector.events'; event: ConnectorEvent }
  | { topic: 'collection.events'; event: CollectionEvent }
  | { topic: 'zendesk.activities'; event: ActivityEvent }
  | { topic: 'zendesk.users'; event: UserEvent };

export interface ActivitySummary {
  lastActivityAt: string | null;
  lastActivityCollectedAt: string | null;
}

/** Every view in memory: the reference the Mongo adapters must agree with. */
export interface Views {
  status: Map<string, StatusView>;
  history: Map<string, StatusTransition>;
  activitySummary: Map<string, ActivitySummary>;
  activities: Map<string, ActivityDoc>;
  users: Map<string, UserDoc>;
}

export const emptyViews = (): Views => ({
  status: new Map(),
  history: new Map(),
  activitySummary: new Map(),
  activities: new Map(),
  users: new Map(),
});

export const historyId = (transition: StatusTransition): string =>
  `${transition.connectorId}:${transition.cause.eventId}`;

export function summariseActivity(summary: ActivitySummary | undefined, activity: ActivityDoc): ActivitySummary {
  return {
    lastActivityAt: later(summary?.lastActivityAt ?? null, activity.occurredAt.toISOString()),
    lastActivityCollectedAt: later(summary?.lastActivityCollectedAt ?? null, utc(activity.collectedAt.toISOString())),
  };
}

/** Applies one delivered message to every view, with the same idempotency rules as the store. */
export function foldInto(views: Views, item: TopicEvent): Views {
  switch (item.topic) {
    case 'connector.events':
    case 'collection.events': {
      const { connectorId } = item.event;
      const result = applyStatusEvent(views.status.get(connectorId) ?? initialStatusView(connectorId), item.event);
      views.status.set(connectorId, result.view);
      const transition = result.transition;
      if (transition && !views.history.has(historyId(transition))) views.history.set(historyId(transition), transition);
      return views;
    }
    case 'zendesk.activities': {
      const doc = toActivityDoc(item.event);
      const existing = views.activities.get(doc._id);
      views.activities.set(doc._id, existing ? mergeActivity(existing, doc) : doc);
      const { connectorId } = item.event;
      views.activitySummary.set(connectorId, summariseActivity(views.activitySummary.get(connectorId), doc));
      return views;
    }
    case 'zendesk.users': {
      const doc = toUserDoc(item.event);
      const existing = views.users.get(doc._id);
      views.users.set(doc._id, existing ? latestUser(existing, doc) : doc);
      return views;
    }
  }
}

export const foldAll = (items: Iterable<TopicEvent>, views: Views = emptyViews()): Views => {
  for (const item of items) foldInto(views, item);
  return views;
};

export const isStatusTopic = (topic: TopicName): topic is 'connector.events' | 'collection.events' =>
  topic === 'connector.events' || topic === 'collection.events';
