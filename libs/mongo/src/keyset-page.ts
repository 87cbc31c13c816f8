import type { Collection, Document, Filter, WithId } from 'mongodb';

/** Position after the last item of a page: the sort field's value and the `_id` breaking ties. */
export interface KeysetCursor {
  value: unknown;
  id: unknown;
}

export interface KeysetPageOptions<TSchema extends Document> {
  /** Must be present on every matching document: documents lacking it cannot be paged past. */
  field: string & keyof TSchema;
  limit: number;
  filter?: Filter<TSchema>;
  after?: KeysetCursor;
}

export interface KeysetPage<TSchema extends Document> {
  items: WithId<TSchema>[];
  /** Absent on the last page. */
  next?: KeysetCursor;
}

/**
 * Newest-first paging by (field desc, _id desc). Stable under inserts, unlike skip/limit. Uses only
 * `$or`/`$lt` and a compound sort, which FerretDB 1.24 supports (as a scan; it is not index-backed there).
 */
export async function keysetPage<TSchema extends Document>(
  collection: Collection<TSchema>,
  options: KeysetPageOptions<TSchema>,
): Promise<KeysetPage<TSchema>> {
  const clauses: Document[] = [];
  if (options.filter) clauses.push(options.filter);
  if (options.after) {
    const { value, id } = options.after;
    clauses.push({ $or: [{ [options.field]: { $lt: value } }, { [options.field]: value, _id: { $lt: id } }] });
  }
  const filter = (clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0] : { $and: clauses }) as Filter<TSchema>;
  // One extra row tells whether another page exists without a count query.
  const rows = await collection
    .find(filter)
    .sort({ [options.field]: -1, _id: -1 })
    .limit(options.limit + 1)
    .toArray();
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  if (rows.length <= options.limit || !last) return { items };
  return { items, next: { value: last[options.field], id: last._id } };
}
