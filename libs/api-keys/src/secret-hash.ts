import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/** Stored beside each hash so the cost can be raised later without breaking existing keys. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 16_384, r: 8, p: 1, keyLength: 32 };

export interface SecretHash {
  salt: string;
  hash: string;
  params: ScryptParams;
}

const derive = (secret: string, salt: string, params: ScryptParams): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 64 * 1024 * 1024 };
    scrypt(secret, Buffer.from(salt, 'base64'), params.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

export async function hashSecret(secret: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<SecretHash> {
  const salt = randomBytes(16).toString('base64');
  const hash = (await derive(secret, salt, params)).toString('base64');
  return { salt, hash, params };
}

/** Constant-time comparison of the derived key; false (never a throw) for a malformed record. */
export async function secretMatches(secret: string, stored: SecretHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  if (expected.length !== stored.params.keyLength) return false;
  const actual = await derive(secret, stored.salt, stored.params);
  return timingSafeEqual(actual, expected);
}

/** A fast fingerprint for the in-memory verification cache; never stored anywhere. */
export const fingerprint = (presented: string, stored: SecretHash): string =>
  createHash('sha256').update(stored.hash).update('\0').update(presented).digest('base64');
