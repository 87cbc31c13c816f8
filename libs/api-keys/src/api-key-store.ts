import { ensureIndexes, isDuplicateKeyError, type Collection, type Db } from '@zc/mongo';
import { z } from 'zod';
import { generatePresentedKey, parsePresentedKey } from './presented-key';
import { apiKeyScopeSchema, type ApiKeyScope } from './scopes';
import {
  digestMatches,
  digestSecret,
  isLegacySecretHash,
  legacySecretMatches,
  type LegacySecretHash,
} from './secret-hash';

export const API_KEYS_COLLECTION = 'api_keys';

/** `digest` is the SHA-256 of the secret; keys from before it carry the scrypt fields instead until verified once. */
interface ApiKeyDocument extends Partial<LegacySecretHash> {
  _id: string;
  digest?: string;
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

/**
 * API keys stored as SHA-256 digests of their secrets in `api_keys`, in a database of their own that
 * every service checking keys may read (it holds nothing else).
 */
export function createApiKeyStore(db: Db, options: ApiKeyStoreOptions = {}) {
  const keys: Collection<ApiKeyDocument> = db.collection<ApiKeyDocument>(options.collectionName ?? API_KEYS_COLLECTION);
  const now = options.now ?? (() => new Date());
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

  /** Digest first; a legacy scrypt hash is checked (once, slowly) and replaced by the digest on success. */
  const secretMatches = async (secret: string, doc: ApiKeyDocument): Promise<boolean> => {
    if (typeof doc.digest === 'string') return digestMatches(secret, doc.digest);
    if (!isLegacySecretHash(doc) || !(await legacySecretMatches(secret, doc))) return false;
    // Filtered on the old hash so a concurrent change of the secret is not overwritten.
    await keys.updateOne(
      { _id: doc._id, hash: doc.hash },
      { $set: { digest: digestSecret(secret) }, $unset: { salt: '', hash: '', params: '' } },
    );
    return true;
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
      await keys.insertOne({
        _id: key.keyId,
        keyId: key.keyId,
        name,
        scopes: [...new Set(scopes)],
        digest: digestSecret(key.secret),
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
      if (!(await secretMatches(parsed.secret, doc))) return null;
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
        await keys.updateOne(
          { keyId: parsed.keyId },
          { $set: { digest: digestSecret(parsed.secret) }, $unset: { salt: '', hash: '', params: '' } },
        );
        return { keyId: parsed.keyId, created: false, updated: true };
      }
      try {
        // An insert, not an upsert: FerretDB 1.24 drops null fields from $setOnInsert.
        await keys.insertOne({
          _id: parsed.keyId,
          keyId: parsed.keyId,
          name: 'bootstrap',
          scopes: [...new Set(scopes)],
          digest: digestSecret(parsed.secret),
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
