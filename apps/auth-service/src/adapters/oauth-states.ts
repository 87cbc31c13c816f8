import { ensureIndexes, isDuplicateKeyError, type Db } from '@zc/mongo';
import type { OAuthStateRecord, OAuthStateStore } from '../application/ports/oauth-states';

export function createOAuthStateStore(db: Db): OAuthStateStore {
  const states = db.collection<OAuthStateRecord>('oauth_states');
  // A unique-_id insert is the one write both FerretDB and MongoDB do atomically, so claiming is an insert.
  const claims = db.collection<{ _id: string; claimedAt: Date }>('oauth_state_claims');
  return {
    async save(record) {
      await states.insertOne(record);
    },
    async claim(stateHash, now) {
      const record = await states.findOne({ _id: stateHash });
      if (record === null) return { ok: false, why: 'unknown', record: null };
      try {
        await claims.insertOne({ _id: stateHash, claimedAt: now });
      } catch (error) {
        if (isDuplicateKeyError(error)) return { ok: false, why: 'replayed', record };
        throw error;
      }
      if (record.expiresAt.getTime() <= now.getTime()) return { ok: false, why: 'expired', record };
      return { ok: true, record };
    },
    all: () => states.find({}).toArray(),
    async replaceVerifier(stateHash, verifier) {
      await states.updateOne({ _id: stateHash }, { $set: { verifier } });
    },
    async ensureIndexes() {
      await ensureIndexes(states, [{ key: { connectorId: 1 }, name: 'connectorId' }]);
    },
  };
}
