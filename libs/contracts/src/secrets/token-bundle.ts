import { seal, unseal, type KeyRing } from '@zc/secrets';
import { z } from 'zod';
import type { EncryptedBlob } from '../primitives';
import { encryptionContexts } from './encryption-contexts';

/**
 * The plaintext of `tokenBundle` in ConnectorAuthorized and ConnectorTokenRefreshed: JSON sealed with
 * the connector's `tokenBundle` context. The auth service writes it (and alone uses the refresh token);
 * the collector reads the access token.
 *
 * `refreshToken` is null when Zendesk issued none. Bundles sealed before the writer went through this
 * schema may hold `''` for "none" (the auth service's reader refused those, the collector's took them),
 * so the schema accepts `''` and reads it as null: every stored bundle stays readable by both.
 */
export const TokenBundle = z.object({
  accessToken: z.string().min(1),
  refreshToken: z
    .string()
    .nullable()
    .transform((token) => (token === '' ? null : token)),
});
/** What a writer hands over; `''` for no refresh token is normalised to null before sealing. */
export type TokenBundleInput = z.input<typeof TokenBundle>;
export type TokenBundle = z.output<typeof TokenBundle>;

/** Seals a bundle for a connector's events; throws ZodError on a bundle the readers would refuse. */
export function sealTokenBundle(ring: KeyRing, connectorId: string, bundle: TokenBundleInput): EncryptedBlob {
  return seal(ring, JSON.stringify(TokenBundle.parse(bundle)), encryptionContexts.tokenBundle(connectorId));
}

/** Opens a connector's sealed bundle; throws SecretUnsealError (wrong key, connector or tampered) or ZodError. */
export function openTokenBundle(ring: KeyRing, connectorId: string, sealed: EncryptedBlob): TokenBundle {
  const plain = unseal(ring, sealed, encryptionContexts.tokenBundle(connectorId));
  return TokenBundle.parse(JSON.parse(plain));
}
