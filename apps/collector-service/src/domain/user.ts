import type { ZendeskUserObserved } from '@zc/contracts';

/** The user fields the collector maps (reference §2). */
export interface UserRecord {
  readonly id: number | null;
  readonly name?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly role?: string | null | undefined;
  readonly custom_role_id?: number | null | undefined;
  readonly active?: boolean | undefined;
  readonly suspended?: boolean | undefined;
  readonly created_at?: string | null | undefined;
  readonly updated_at?: string | null | undefined;
  readonly last_login_at?: string | null | undefined;
}

export type UserData = ZendeskUserObserved['data'];

const ROLES = new Set(['end-user', 'agent', 'admin']);
const validTime = (value: string | null | undefined): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * A full user snapshot, or null for a record that cannot be one (the anonymous user, a user without
 * timestamps): such records are not users of the account and are skipped rather than rejected later.
 */
export function toUserSnapshot(user: UserRecord, account: string): UserData | null {
  if (user.id === null || user.id < 0 || !validTime(user.created_at)) return null;
  const role = user.role && ROLES.has(user.role) ? (user.role as UserData['role']) : 'end-user';
  return {
    account,
    id: user.id,
    name: user.name ?? '',
    email: user.email === undefined || user.email === null || user.email === '' ? null : user.email,
    role,
    customRoleId: user.custom_role_id ?? null,
    suspended: user.suspended ?? false,
    active: user.active ?? true,
    lastLoginAt: validTime(user.last_login_at) ? user.last_login_at : null,
    createdAt: user.created_at,
    updatedAt: validTime(user.updated_at) ? user.updated_at : user.created_at,
  };
}
