import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'zck';
// The id is hex so it never contains "_", which separates it from the secret.
const PRESENTED = /^zck_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedApiKey {
  id: string;
  secret: string;
  /** What the caller sends; shown once, never stored. */
  presented: string;
}

export const generateApiKey = (): GeneratedApiKey => {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, presented: `${PREFIX}_${id}_${secret}` };
};

/** Splits a presented key; null for anything that is not exactly our format. */
export const parseApiKey = (presented: string): { id: string; secret: string } | null => {
  const match = PRESENTED.exec(presented);
  return match?.[1] === undefined || match[2] === undefined ? null : { id: match[1], secret: match[2] };
};

/**
 * HMAC-SHA256 with a per-key salt. A slow KDF (scrypt) protects low-entropy passwords; these
 * secrets are 256 random bits, so a fast hash is as safe and keeps auth cheap under load.
 * Stored form: "hmac-sha256$<salt>$<digest>", base64url.
 */
export const hashApiKeySecret = (secret: string): string => {
  const salt = randomBytes(16).toString('base64url');
  return `hmac-sha256$${salt}$${digest(salt, secret)}`;
};

/** Constant-time comparison; false for malformed hashes rather than throwing. */
export const verifyApiKeySecret = (secret: string, stored: string): boolean => {
  const [scheme, salt, expected] = stored.split('$');
  if (scheme !== 'hmac-sha256' || salt === undefined || expected === undefined) return false;
  const actual = Buffer.from(digest(salt, secret));
  const wanted = Buffer.from(expected);
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
};

const digest = (salt: string, secret: string): string => createHmac('sha256', salt).update(secret).digest('base64url');
