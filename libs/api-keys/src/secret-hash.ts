import { createHash, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Presented secrets are 256 random bits, so nothing can be guessed faster than brute force over
 * 2^256: a single SHA-256 is as strong as a password hash here, and costs microseconds instead of
 * tens of milliseconds of CPU per (possibly hostile) request. Stored as base64url.
 */
export const digestSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/** Constant-time comparison of digests; false (never a throw) for a malformed stored value. */
export function digestMatches(secret: string, stored: string): boolean {
  const expected = Buffer.from(stored, 'base64url');
  const actual = createHash('sha256').update(secret).digest();
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}

/** Scrypt parameters of keys stored before digests (dev stacks); verified once, then replaced. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

export interface LegacySecretHash {
  salt: string;
  hash: string;
  params: ScryptParams;
}

export const isLegacySecretHash = (value: Partial<LegacySecretHash>): value is LegacySecretHash =>
  typeof value.salt === 'string' &&
  typeof value.hash === 'string' &&
  typeof value.params === 'object' &&
  value.params !== null &&
  typeof value.params.N === 'number';

const derive = (secret: string, salt: string, params: ScryptParams): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 64 * 1024 * 1024 };
    scrypt(secret, Buffer.from(salt, 'base64'), params.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

/** The old scrypt check, kept only so keys created before digests verify once (and are then migrated). */
export async function legacySecretMatches(secret: string, stored: LegacySecretHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  if (expected.length !== stored.params.keyLength) return false;
  const actual = await derive(secret, stored.salt, stored.params);
  return timingSafeEqual(actual, expected);
}
