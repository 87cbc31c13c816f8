import { z } from 'zod';

/** One AES-256 key, named so that ciphertexts say which key sealed them. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** The key new secrets are sealed with, and every key old secrets may still be sealed with. */
export interface KeyRing {
  active: EncryptionKey;
  byId: ReadonlyMap<string, EncryptionKey>;
}

export class KeyRingError extends Error {
  readonly code = 'KEY_RING_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'KeyRingError';
  }
}

const keyId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'key ids are 1-32 letters, digits, _ or -');

/**
 * Parses `ENCRYPTION_KEYS`: comma-separated `id:base64key` entries, the first being the active one.
 * Example: `k2:<32 bytes base64>,k1:<32 bytes base64>` after rotating from k1 to k2.
 */
export function parseKeyRing(spec: string): KeyRing {
  const entries = spec
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) throw new KeyRingError('no encryption key given');
  const keys = entries.map((entry, index) => {
    const separator = entry.indexOf(':');
    if (separator < 0) throw new KeyRingError(`entry ${String(index + 1)} is not id:base64key`);
    const id = entry.slice(0, separator);
    if (!keyId.safeParse(id).success) throw new KeyRingError(`entry ${String(index + 1)}: invalid key id`);
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (key.length !== 32) throw new KeyRingError(`key ${id} must be 32 bytes (base64 of 32 random bytes)`);
    return { id, key };
  });
  const byId = new Map(keys.map((key) => [key.id, key]));
  if (byId.size !== keys.length) throw new KeyRingError('duplicate key id');
  const [active] = keys;
  if (!active) throw new KeyRingError('no encryption key given');
  return { active, byId };
}
