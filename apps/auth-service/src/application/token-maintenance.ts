import { openTokenBundle, sealTokenBundle } from '@zc/contracts';
import { OAuthError } from '@zc/zendesk';
import type { ConnectorState } from '../domain/connector-state';
import { tokenActionFor } from '../domain/token-policy';
import { commandMeta } from './command-meta';
import { openClientSecret } from './connectors';
import type { AuthDeps, RequestContext } from './deps';
import { tokenMetadataOf } from './oauth-callback';

export type MaintenanceResult = 'refreshed' | 'rotation_due' | 'needs_reconnect' | 'skipped' | 'failed';

const systemContext = (): RequestContext => ({
  actor: { kind: 'system' },
  correlationId: `token-maintenance`,
  causationId: null,
});

/**
 * The auth service refreshes tokens because it alone holds the client secret and writes the connector
 * stream. The rotated refresh token is appended (sealed) before anything else can use it, so a crash
 * right after the refresh never strands the connector with a dead refresh token in its log.
 */
export async function maintainToken(deps: AuthDeps, connector: ConnectorState): Promise<MaintenanceResult> {
  const now = deps.now();
  const action = tokenActionFor(connector, now.toISOString());
  const context = { ...systemContext(), correlationId: `token-maintenance:${connector.connectorId}` };
  if (action.kind === 'rotation_due') {
    const { events } = await deps.repository.execute(connector.connectorId, {
      type: 'FlagTokenRotation',
      meta: commandMeta(deps, context),
    });
    return events.length > 0 ? 'rotation_due' : 'skipped';
  }
  if (action.kind !== 'refresh' || connector.token === null || connector.clientSecret === null) return 'skipped';
  const bundle = openTokenBundle(deps.keyRing, connector.connectorId, connector.token.bundle);
  if (bundle.refreshToken === null) return 'skipped';
  const oauth = deps.zendesk.oauth(
    connector.endpoint,
    connector.clientId,
    openClientSecret(deps, connector.connectorId, connector.clientSecret),
  );
  try {
    const grant = await oauth.refresh({ refreshToken: bundle.refreshToken });
    const tokenBundle = sealTokenBundle(deps.keyRing, connector.connectorId, {
      accessToken: grant.access_token,
      refreshToken: grant.refresh_token ?? null,
    });
    // Reading the token's id uses the new access token only; the rotated refresh token stays unused until
    // the event holding it is appended.
    const expiresIn = grant.expires_in ?? null;
    const provisional = {
      ...connector.token.metadata,
      expiresAt: expiresIn === null ? null : new Date(now.getTime() + expiresIn * 1_000).toISOString(),
      refreshable: typeof grant.refresh_token === 'string' && grant.refresh_token.length > 0,
    };
    const token = await tokenMetadataOf(deps.zendesk.api(connector.endpoint, grant.access_token), grant, now).catch(
      () => provisional,
    );
    await deps.repository.execute(connector.connectorId, {
      type: 'RecordTokenRefresh',
      meta: commandMeta(deps, context),
      tokenBundle,
      token,
      rotationAgeMs: deps.tokenRotationAgeMs,
    });
    return 'refreshed';
  } catch (error) {
    if (!(error instanceof OAuthError && error.oauthError === 'invalid_grant')) return 'failed';
    // Another instance may have refreshed first (its rotation killed our refresh token): not a failure.
    const fresh = await deps.repository.load(connector.connectorId);
    if (fresh.version !== connector.version) return 'skipped';
    await deps.repository.execute(connector.connectorId, {
      type: 'FailAuthorization',
      meta: commandMeta(deps, context),
      reason: 'INVALID_GRANT',
      message: 'Zendesk refused the refresh token; the connector needs reconnecting (authorize it again).',
    });
    return 'needs_reconnect';
  }
}

/** One pass over every connector; failures of one never stop the others. */
export async function maintainAllTokens(deps: AuthDeps): Promise<Map<string, MaintenanceResult>> {
  const results = new Map<string, MaintenanceResult>();
  for (const connector of await deps.repository.loadAll()) {
    results.set(connector.connectorId, await maintainToken(deps, connector).catch((): MaintenanceResult => 'failed'));
  }
  return results;
}
