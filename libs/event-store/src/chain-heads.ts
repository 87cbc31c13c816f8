import { ensureMaterialized, readChain } from './materialize';
import { slotOf, type CommitDoc, type StoreCollections } from './records';

interface Head {
  commit: CommitDoc;
  /** Known to be completely copied into `events`. */
  materialized: boolean;
}

/**
 * Finds a stream's last commit without scanning: FerretDB pushes down only `{_id}` lookups, and the
 * slot ids make the chain walkable by them. Commits are immutable and the chain only grows, so a
 * remembered commit stays on the chain forever; from it, probing `<stream>|<its toVersion>` finds
 * anything appended since (usually nothing: one point read). Unknown streams are read once in full.
 */
export class ChainHeads {
  private readonly heads = new Map<string, Head>();

  constructor(
    private readonly collections: StoreCollections,
    private readonly capacity = 10_000,
  ) {}

  /** The stream's last commit, completely materialized, or undefined for a stream without events. */
  async last(streamId: string): Promise<CommitDoc | undefined> {
    let head = this.heads.get(streamId) ?? (await this.readHead(streamId));
    if (!head) return undefined;
    for (;;) {
      const next: CommitDoc | null = await this.collections.commits.findOne({
        _id: slotOf(streamId, head.commit.toVersion),
      });
      if (!next) break;
      head = { commit: next, materialized: false };
    }
    // Every append completes its predecessor before committing, so only the last one can be partial.
    if (!head.materialized) await ensureMaterialized(this.collections, head.commit);
    this.remember(streamId, { commit: head.commit, materialized: true });
    return head.commit;
  }

  remember(streamId: string, head: Head): void {
    // Map keeps insertion order: re-inserting makes this the most recent, the first key the oldest.
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) {
      const oldest = this.heads.keys().next();
      if (!oldest.done) this.heads.delete(oldest.value);
    }
  }

  private async readHead(streamId: string): Promise<Head | undefined> {
    if (!(await this.collections.commits.findOne({ _id: slotOf(streamId, 0) }, { projection: { _id: 1 } }))) {
      return undefined;
    }
    const last = (await readChain(this.collections, streamId)).at(-1);
    return last && { commit: last, materialized: false };
  }
}
