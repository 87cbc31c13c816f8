import { ensureIndexes, isDuplicateKeyError, type Db } from '@zc/mongo';
import type { SealedSecret } from '@zc/secrets';

/** One pending authorization: only the state's hash is stored, the PKCE verifier sealed. */
export interface OAuthStateRecord {
  _id: string;
  connectorId: string;
  keyId: string;
  verifier: SealedSecret;
  redirectUrl: string;
  /** The ConnectorAuthorizationStarted event; what the callback's events are caused by. */
  startedEventId: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export type StateClaim =
  | { ok: true; record: OAuthStateRecord }
  | { ok: false; why: 'unknown' | 'replayed' | 'expired'; record: OAuthStateRecord | null };

export interface OAuthStateStore {
  save(record: OAuthStateRecord): Promise<void>;
  /** Single use: the first claim of a state wins; every later one (or an expired state) is refused. */
  claim(stateHash: string, now: Date): Promise<StateClaim>;
  all(): Promise<OAuthStateRecord[]>;
  replaceVerifier(stateHash: string, verifier: SealedSecret): Promise<void>;
  ensureIndexes(): Promise<void>;
}

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
