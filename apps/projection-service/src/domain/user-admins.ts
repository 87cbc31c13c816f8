import type { UserDoc } from './user-view';

/**
 * Per connector, the Zendesk ids of the users whose latest snapshot has the admin role, `_id` = connectorId. The
 * activity query reads it by `_id` when a filter asks for admins only: activity events do not carry the
 * actor's role, and resolving it at query time is right whatever order users and activities arrived in.
 */
export interface UserAdminsDoc {
  _id: string;
  adminIds: number[];
}

export const isAdmin = (user: Pick<UserDoc, 'role'>): boolean => user.role === 'admin';

/** The admin ids once these users' latest snapshots are in, ascending; null when nothing changed. */
export function withAdmins(
  existing: readonly number[],
  latest: readonly Pick<UserDoc, 'userId' | 'role'>[],
): number[] | null {
  const admins = new Set(existing);
  for (const user of latest) {
    if (isAdmin(user)) admins.add(user.userId);
    else admins.delete(user.userId);
  }
  const next = [...admins].sort((a, b) => a - b);
  return next.length === existing.length && next.every((id, index) => id === existing[index]) ? null : next;
}
