/**
 * The additional authenticated data each kind of sealed secret is bound to (AES-256-GCM AAD). A sealed
 * value opens only under its own context, so a blob copied onto another connector (or another kind of
 * record) fails to open instead of leaking. These strings are part of the stored data: changing one makes
 * every secret sealed under the old string unreadable, so they never change.
 */
export const encryptionContexts = {
  /** A connector's OAuth client secret (ConnectorRegistered, ConnectorCredentialsRotated). */
  clientSecret: (connectorId: string) => `client-secret:${connectorId}`,
  /** A connector's token bundle (ConnectorAuthorized, ConnectorTokenRefreshed); see token-bundle.ts. */
  tokenBundle: (connectorId: string) => `token-bundle:${connectorId}`,
  /** The PKCE verifier of a pending authorization, kept by the auth service under the state's hash. */
  oauthVerifier: (stateHash: string) => `oauth-verifier:${stateHash}`,
} as const;
