import { ensureIndexes, isDuplicateKeyError, type Collection, type Db } from '@zc/mongo';
import { z } from 'zod';
import { generatePresentedKey, parsePresentedKey } from './presented-key';
import { apiKeyScopeSchema, type ApiKeyScope } from './scopes';
import {
  DEFAULT_SCRYPT,
  fingerprint,
  hashSecret,
  secretMatches,
  type ScryptParams,
  type SecretHash,
} from './secret-hash';

export const API_KEYS_COLLECTION = 'api_keys';

interface ApiKeyDocument extends SecretHash {
  _id: string;
  keyId: string;
  name: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  revokedAt: Date | null;
}

export interface ApiKeyInfo {
  keyId: string;
  name: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  revokedAt: Date | null;
}

export interface VerifiedApiKey {
  keyId: string;
  scopes: ApiKeyScope[];
}

export interface ApiKeyStoreOptions {
  collectionName?: string;
  now?: () => Date;
  scrypt?: ScryptParams;
  /** How many successful verifications are remembered in memory (see verify). */
  cacheSize?: number;
}

export const newApiKeySchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(apiKeyScopeSchema).min(1),
});
export type NewApiKey = z.input<typeof newApiKeySchema>;

export class InvalidPresentedKeyError extends Error {
  readonly code = 'API_KEY_MALFORMED';
  constructor() {
    super('An API key must look like zck_<hex id>_<secret> (id 8-32 hex, secret 32-128 base64url characters)');
    this.name = 'InvalidPresentedKeyError';
  }
}

export type ApiKeyStore = ReturnType<typeof createApiKeyStore>;

/** API keys stored hashed (scrypt, per-key salt) in `api_keys`; shared by every service that checks keys. */
export function createApiKeyStore(db: Db, options: ApiKeyStoreOptions = {}) {
  const keys: Collection<ApiKeyDocument> = db.collection<ApiKeyDocument>(options.collectionName ?? API_KEYS_COLLECTION);
  const now = options.now ?? (() => new Date());
  const params = options.scrypt ?? DEFAULT_SCRYPT;
  const cacheSize = options.cacheSize ?? 1_000;
  // scrypt costs tens of ms of CPU by design; remembering which (key, hash) pairs already matched
  // keeps hot callers cheap. The document is still read every time, so a revocation applies at once.
  const verified = new Set<string>();
  let indexes: Promise<void> | undefined;

  const ensure = (): Promise<void> => {
    indexes ??= ensureIndexes(keys, [{ key: { keyId: 1 }, name: 'keyId_unique', unique: true }]).catch(
      (error: unknown) => {
        indexes = undefined;
        throw error;
      },
    );
    return indexes;
  };

  const remember = (entry: string): void => {
    if (verified.size >= cacheSize) verified.clear();
    verified.add(entry);
  };

  const info = (doc: ApiKeyDocument): ApiKeyInfo => ({
    keyId: doc.keyId,
    name: doc.name,
    scopes: doc.scopes,
    createdAt: doc.createdAt,
    revokedAt: doc.revokedAt,
  });

  return {
    ensureIndexes: ensure,

    async create(input: NewApiKey): Promise<{ keyId: string; presented: string }> {
      const { name, scopes } = newApiKeySchema.parse(input);
      await ensure();
      const key = generatePresentedKey();
      const hashed = await hashSecret(key.secret, params);
      await keys.insertOne({
        _id: key.keyId,
        keyId: key.keyId,
        name,
        scopes: [...new Set(scopes)],
        ...hashed,
        createdAt: now(),
        revokedAt: null,
      });
      return { keyId: key.keyId, presented: key.presented };
    },

    /** The key's id and scopes when it exists, is not revoked and the secret matches; otherwise null. */
    async verify(presented: string): Promise<VerifiedApiKey | null> {
      const parsed = parsePresentedKey(presented);
      if (parsed === null) return null;
      // By _id (= keyId): the one lookup FerretDB pushes down to SQLite instead of scanning.
      const doc = await keys.findOne({ _id: parsed.keyId });
      // A missing revokedAt counts as active, whatever wrote the document.
      if (doc === null || doc.revokedAt instanceof Date) return null;
      const entry = fingerprint(presented, doc);
      if (!verified.has(entry)) {
        if (!(await secretMatches(parsed.secret, doc))) return null;
        remember(entry);
      }
      return { keyId: doc.keyId, scopes: doc.scopes };
    },

    /**
     * Makes the operator-given key valid with these scopes; safe on every start. A changed secret
     * for the same id replaces the stored hash; a revoked bootstrap key stays revoked.
     */
    async ensureBootstrapKey(
      presented: string,
      scopes: readonly ApiKeyScope[],
    ): Promise<{ keyId: string; created: boolean; updated: boolean }> {
      const parsed = parsePresentedKey(presented);
      if (parsed === null) throw new InvalidPresentedKeyError();
      await ensure();
      const existing = await keys.findOne({ keyId: parsed.keyId });
      if (existing !== null) {
        if (await secretMatches(parsed.secret, existing))
          return { keyId: parsed.keyId, created: false, updated: false };
        const hashed = await hashSecret(parsed.secret, params);
        await keys.updateOne({ keyId: parsed.keyId }, { $set: { ...hashed } });
        return { keyId: parsed.keyId, created: false, updated: true };
      }
      const hashed = await hashSecret(parsed.secret, params);
      try {
        // An insert, not an upsert: FerretDB 1.24 drops null fields from $setOnInsert.
        await keys.insertOne({
          _id: parsed.keyId,
          keyId: parsed.keyId,
          name: 'bootstrap',
          scopes: [...new Set(scopes)],
          ...hashed,
          createdAt: now(),
          revokedAt: null,
        });
      } catch (error) {
        // Another instance inserted it first; the operator's key is in place either way.
        if (isDuplicateKeyError(error)) return { keyId: parsed.keyId, created: false, updated: false };
        throw error;
      }
      return { keyId: parsed.keyId, created: true, updated: false };
    },

    async list(): Promise<ApiKeyInfo[]> {
      const docs = await keys.find({}).sort({ createdAt: 1, keyId: 1 }).toArray();
      return docs.map(info);
    },

    async countActive(): Promise<number> {
      return keys.countDocuments({ revokedAt: null });
    },

    /** True when the key existed and was active; revoking twice is harmless. */
    async revoke(keyId: string): Promise<boolean> {
      const result = await keys.updateOne({ keyId, revokedAt: null }, { $set: { revokedAt: now() } });
      return result.modifiedCount === 1;
    },
  };
}
