import { randomBytes } from 'node:crypto';

// The id is hex so it never contains "_", which separates it from the secret (base64url may).
// Generated keys have a 16-hex id and a 43-character secret; bootstrap keys come from operators
// (ADMIN_BOOTSTRAP_KEY), so the accepted lengths are a little more lenient.
const ACCEPTED = /^zck_([0-9a-f]{8,32})_([A-Za-z0-9_-]{32,128})$/;

export interface PresentedKey {
  keyId: string;
  secret: string;
  presented: string;
}

/** A new key: 64-bit id (public, it names the key in events) and 256 random bits of secret. */
export function generatePresentedKey(): PresentedKey {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, presented: `zck_${keyId}_${secret}` };
}

/** Splits `zck_<id>_<secret>`; null for anything else, so callers never guess at malformed input. */
export function parsePresentedKey(presented: string): PresentedKey | null {
  const match = ACCEPTED.exec(presented);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { keyId: match[1], secret: match[2], presented };
}
