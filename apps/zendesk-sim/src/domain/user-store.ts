import { type Key, lowerBound } from './cursor';
import type { Role, SimUser } from './user';

export interface UserListFilter {
  readonly roles?: readonly Role[];
  readonly permissionSet?: number;
}

const byIdKey = (u: SimUser): Key => ({ t: u.id, id: u.id });
const byUpdatedKey = (u: SimUser): Key => ({ t: u.updatedAt, id: u.id });

/** Users by id, with an updated_at ordering rebuilt lazily for the incremental export. */
export class UserStore {
  private readonly users = new Map<number, SimUser>();
  private sortedById: SimUser[] | null = null;
  private sortedByUpdate: SimUser[] | null = null;

  get size(): number {
    return this.users.size;
  }

  get(id: number): SimUser | undefined {
    return this.users.get(id);
  }

  all(): SimUser[] {
    return this.ordered();
  }

  put(user: SimUser): void {
    this.users.set(user.id, user);
    this.sortedById = null;
    this.sortedByUpdate = null;
  }

  findByEmail(email: string): SimUser | undefined {
    return this.ordered().find((u) => u.email.toLowerCase() === email.toLowerCase());
  }

  list(filter: UserListFilter): SimUser[] {
    return this.ordered().filter(
      (u) =>
        (filter.roles === undefined || filter.roles.includes(u.role)) &&
        (filter.permissionSet === undefined || u.customRoleId === filter.permissionSet),
    );
  }

  /** Users ordered by id after `after` (exclusive). */
  listAfter(filter: UserListFilter, after: number | undefined, size: number): { items: SimUser[]; hasMore: boolean } {
    const list = this.list(filter);
    const start = after === undefined ? 0 : lowerBound(list, { t: after, id: after }, byIdKey, true);
    return { items: list.slice(start, start + size), hasMore: start + size < list.length };
  }

  /** The `size` users ordered by id just before `before` (exclusive); hasMore when earlier ones remain. */
  listBefore(filter: UserListFilter, before: number, size: number): { items: SimUser[]; hasMore: boolean } {
    const list = this.list(filter);
    const end = lowerBound(list, { t: before, id: before }, byIdKey);
    const start = Math.max(0, end - size);
    return { items: list.slice(start, end), hasMore: start > 0 };
  }

  /** Incremental export: users with (updated_at, id) after the cursor, or updated at/after start. */
  changedSince(from: Key, inclusive: boolean, size: number): { items: SimUser[]; hasMore: boolean } {
    this.sortedByUpdate ??= [...this.users.values()].sort((a, b) => a.updatedAt - b.updatedAt || a.id - b.id);
    const list = this.sortedByUpdate;
    const start = lowerBound(list, from, byUpdatedKey, !inclusive);
    return { items: list.slice(start, start + size), hasMore: start + size < list.length };
  }

  /**
   * Time-based export: users updated at or after `startTime` (seconds), `size` of them unless fewer
   * remain, and never splitting a second, so a page's `end_time` names a second that is complete.
   */
  updatedFrom(startTime: number, size: number): { items: SimUser[]; hasMore: boolean } {
    this.sortedByUpdate ??= [...this.users.values()].sort((a, b) => a.updatedAt - b.updatedAt || a.id - b.id);
    const list = this.sortedByUpdate;
    const start = lowerBound(list, { t: startTime, id: Number.MIN_SAFE_INTEGER }, byUpdatedKey);
    let end = Math.min(start + size, list.length);
    const boundary = list[end - 1]?.updatedAt;
    while (end < list.length && list[end]?.updatedAt === boundary) end += 1;
    return { items: list.slice(start, end), hasMore: end < list.length };
  }

  private ordered(): SimUser[] {
    this.sortedById ??= [...this.users.values()].sort((a, b) => a.id - b.id);
    return this.sortedById;
  }
}
