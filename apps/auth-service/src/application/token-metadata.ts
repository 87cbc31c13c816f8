import type { TokenMetadata } from '@zc/contracts';
import type { ConnectorProvider, ProviderAccount, ProviderGrant } from './ports/connector-provider';

/** When a fresh grant expires; null for tokens that never do. */
export const expiresAtOf = (grant: ProviderGrant, now: Date): string | null =>
  grant.expiresInSeconds === null ? null : new Date(now.getTime() + grant.expiresInSeconds * 1_000).toISOString();

/** The token metadata of a fresh grant: its id from the provider's token API, its expiry from the grant. */
export async function tokenMetadataOf(
  provider: ConnectorProvider,
  account: ProviderAccount,
  grant: ProviderGrant,
  now: Date,
): Promise<TokenMetadata> {
  const info = await provider.currentToken(account, grant.accessToken);
  return {
    providerTokenId: info.tokenId,
    scopes: grant.scopes ?? info.scopes,
    expiresAt: expiresAtOf(grant, now),
    refreshable: grant.refreshToken !== null,
  };
}
