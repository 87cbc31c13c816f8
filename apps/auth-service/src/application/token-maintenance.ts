import { openTokenBundle, sealTokenBundle } from '@zc/contracts';
import type { ConnectorState } from '../domain/connector-state';
import { tokenActionFor } from '../domain/token-policy';
import { commandMeta } from './command-meta';
import { openClientSecret } from './connectors';
import type { AuthDeps, RequestContext } from './deps';
import { ProviderError } from './ports/connector-provider';
import { expiresAtOf, tokenMetadataOf } from './token-metadata';

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
  const client = {
    endpoint: connector.endpoint,
    clientId: connector.clientId,
    clientSecret: openClientSecret(deps, connector.connectorId, connector.clientSecret),
  };
  try {
    const grant = await deps.provider.refresh(client, bundle.refreshToken);
    const tokenBundle = sealTokenBundle(deps.keyRing, connector.connectorId, {
      accessToken: grant.accessToken,
      refreshToken: grant.refreshToken,
    });
    // Reading the token's id uses the new access token only; the rotated refresh token stays unused until
    // the event holding it is appended.
    const provisional = {
      ...connector.token.metadata,
      expiresAt: expiresAtOf(grant, now),
      refreshable: grant.refreshToken !== null,
    };
    const token = await tokenMetadataOf(deps.provider, connector, grant, now).catch(() => provisional);
    await deps.repository.execute(connector.connectorId, {
      type: 'RecordTokenRefresh',
      meta: commandMeta(deps, context),
      tokenBundle,
      token,
      rotationAgeMs: deps.tokenRotationAgeMs,
    });
    return 'refreshed';
  } catch (error) {
    if (!(error instanceof ProviderError && error.failure.reason === 'INVALID_GRANT')) return 'failed';
    // Another instance may have refreshed first (its rotation killed our refresh token): not a failure.
    const fresh = await deps.repository.load(connector.connectorId);
    if (fresh.version !== connector.version) return 'skipped';
    await deps.repository.execute(connector.connectorId, {
      type: 'FailAuthorization',
      meta: commandMeta(deps, context),
      ...error.failure,
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
