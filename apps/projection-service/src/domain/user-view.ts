import type { ZendeskUserObserved } from '@zc/contracts';
import { utc } from './time';

/** One Zendesk user per connector, `_id` = `<connectorId>:<userId>`. */
export interface UserDoc {
  _id: string;
  connectorId: string;
  account: string;
  userId: number;
  name: string;
  email: string | null;
  role: string;
  customRoleId: number | null;
  suspended: boolean;
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * Orders snapshots: Zendesk's updated_at, then when we observed it, then the event id, so two
   * snapshots never tie and the latest wins whatever order they arrive in.
   */
  rank: string;
}

export const userDocId = (connectorId: string, userId: number): string => `${connectorId}:${String(userId)}`;

export function toUserDoc(event: ZendeskUserObserved): UserDoc {
  const { data } = event;
  const updatedAt = utc(data.updatedAt);
  return {
    _id: userDocId(event.connectorId, data.id),
    connectorId: event.connectorId,
    account: data.account,
    userId: data.id,
    name: data.name,
    email: data.email,
    role: data.role,
    customRoleId: data.customRoleId,
    suspended: data.suspended,
    active: data.active,
    lastLoginAt: data.lastLoginAt === null ? null : utc(data.lastLoginAt),
    createdAt: utc(data.createdAt),
    updatedAt,
    rank: `${updatedAt}|${utc(event.occurredAt)}|${event.eventId}`,
  };
}

export const latestUser = (a: UserDoc, b: UserDoc): UserDoc => (b.rank > a.rank ? b : a);
