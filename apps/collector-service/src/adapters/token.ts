import type { EncryptedBlob } from '@zc/contracts';
import { unseal, type KeyRing } from '@zc/secrets';
import { z } from 'zod';

const TokenBundle = z.object({ accessToken: z.string().min(1), refreshToken: z.string().nullable() });

/** The access token of a sealed bundle, in memory only; the refresh token stays with the auth service. */
export function accessTokenOf(ring: KeyRing, connectorId: string, bundle: EncryptedBlob): string {
  const plain = unseal(ring, bundle, `token-bundle:${connectorId}`);
  return TokenBundle.parse(JSON.parse(plain)).accessToken;
}
