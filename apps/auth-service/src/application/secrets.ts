import { seal, sealedSecretSchema, unseal, type KeyRing, type SealedSecret } from '@zc/secrets';
import { z } from 'zod';

/** The AAD contexts of the cross-service decision; a sealed value only opens on its own connector. */
export const clientSecretContext = (connectorId: string) => `client-secret:${connectorId}`;
export const tokenBundleContext = (connectorId: string) => `token-bundle:${connectorId}`;
export const verifierContext = (stateHash: string) => `oauth-verifier:${stateHash}`;

const TokenBundle = z.object({ accessToken: z.string().min(1), refreshToken: z.string().min(1).nullable() });
export type TokenBundle = z.infer<typeof TokenBundle>;

export const sealTokenBundle = (ring: KeyRing, connectorId: string, bundle: TokenBundle): SealedSecret =>
  seal(
    ring,
    JSON.stringify({ accessToken: bundle.accessToken, refreshToken: bundle.refreshToken }),
    tokenBundleContext(connectorId),
  );

export const openTokenBundle = (ring: KeyRing, connectorId: string, sealed: SealedSecret): TokenBundle =>
  TokenBundle.parse(JSON.parse(unseal(ring, sealedSecretSchema.parse(sealed), tokenBundleContext(connectorId))));
