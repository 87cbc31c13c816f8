/**
 * Per connector, the `_id`s of its users, so `GET /v1/users` reads a connector's directory and then the users by
 * `_id` (FerretDB scans any other filter). The list's order is the one it has always had: `_id` descending.
 */
export const userListOrder = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

/** The directory with these ids added, in list order; null when all were there. */
export function withUserIds(existing: readonly string[], ids: Iterable<string>): string[] | null {
  const all = new Set(existing);
  const before = all.size;
  for (const id of ids) all.add(id);
  return all.size === before ? null : [...all].sort(userListOrder);
}

/** The ids of one page over several directories: the `limit` first after `after`, and whether more exist. */
export function userPageIds(
  directories: readonly (readonly string[])[],
  limit: number,
  after?: string,
): { ids: string[]; more: boolean } {
  const ids = directories
    .flat()
    .filter((id) => after === undefined || id < after)
    .sort(userListOrder);
  return { ids: ids.slice(0, limit), more: ids.length > limit };
}
