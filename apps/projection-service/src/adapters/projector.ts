import type { ActivityEvent, AnyEvent, TopicName, UserEvent } from '@zc/contracts';
import type { MongoHandle } from '@zc/mongo';
import { toActivityDoc, type ActivityDoc } from '../domain/activity-view';
import type { StatusEvent, StatusTransition } from '../domain/status-view';
import { toUserDoc } from '../domain/user-view';
import { summariseActivity, type ActivitySummary } from '../domain/view-fold';
import { writeActivities } from './activity-store';
import { applyToStatus, touchActivitySummary } from './status-store';
import { writeUsers } from './user-store';
import { activityCollections, statusCollections, userCollections } from './view-collections';
import type { ViewName } from '../domain/view-names';

export interface ProjectorOptions {
  mongo: MongoHandle;
  /** Which views this projector maintains: all for the live service, one for a rebuild. */
  views: ReadonlySet<ViewName>;
  /** The collection version to write each view into: the alias for the live service, the target for a rebuild. */
  versionOf: (view: ViewName) => Promise<number>;
  now: () => Date;
  /** Activities older than this are not (re)inserted; retention would delete them anyway. */
  activityRetentionMs: number;
  onActivitiesInserted?: (docs: readonly ActivityDoc[], writtenAt: Date) => void;
  onTransitions?: (transitions: readonly StatusTransition[]) => void;
}

export interface Projector {
  /** Applies one batch of one topic partition; idempotent, so a retried or redelivered batch is harmless. */
  project(topic: TopicName, events: readonly AnyEvent[]): Promise<void>;
}

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

export function createProjector(options: ProjectorOptions): Projector {
  const { mongo, views } = options;

  const projectStatus = async (events: readonly StatusEvent[]) => {
    if (!views.has('status')) return;
    const collections = statusCollections(mongo, await options.versionOf('status'));
    for (const [connectorId, stream] of groupBy(events, (event) => event.connectorId)) {
      const transitions = await applyToStatus(collections, connectorId, stream);
      if (transitions.length > 0) options.onTransitions?.(transitions);
    }
  };

  const projectActivities = async (events: readonly ActivityEvent[]) => {
    const docs = events.map(toActivityDoc);
    if (views.has('activities')) {
      const cutoff = options.now().getTime() - options.activityRetentionMs;
      const kept = docs.filter((doc) => doc.occurredAt.getTime() >= cutoff);
      const result = await writeActivities(activityCollections(mongo, await options.versionOf('activities')), kept);
      if (result.inserted.length > 0) options.onActivitiesInserted?.(result.inserted, options.now());
    }
    if (views.has('status')) {
      const { status } = statusCollections(mongo, await options.versionOf('status'));
      const summaries = new Map<string, ActivitySummary>();
      events.forEach((event, index) => {
        const doc = docs[index];
        if (doc) summaries.set(event.connectorId, summariseActivity(summaries.get(event.connectorId), doc));
      });
      for (const [connectorId, summary] of summaries) {
        await touchActivitySummary(status, connectorId, summary);
      }
    }
  };

  const projectUsers = async (events: readonly UserEvent[]) => {
    if (!views.has('users')) return;
    await writeUsers(userCollections(mongo, await options.versionOf('users')), events.map(toUserDoc));
  };

  return {
    async project(topic, events) {
      if (events.length === 0) return;
      switch (topic) {
        case 'connector.events':
        case 'collection.events':
          return projectStatus(events as StatusEvent[]);
        case 'zendesk.activities':
          return projectActivities(events as ActivityEvent[]);
        case 'zendesk.users':
          return projectUsers(events as UserEvent[]);
      }
    },
  };
}

/** Topics each view is built from. */
export const TOPICS_OF_VIEW: Record<ViewName, readonly TopicName[]> = {
  status: ['connector.events', 'collection.events', 'zendesk.activities'],
  activities: ['zendesk.activities'],
  users: ['zendesk.users'],
};

export const topicsOfViews = (views: Iterable<ViewName>): TopicName[] => [
  ...new Set([...views].flatMap((view) => TOPICS_OF_VIEW[view])),
];
