import { encryptionContexts, sealTokenBundle, type TokenMetadata } from '@zc/contracts';
import { unseal } from '@zc/secrets';
import type { TokenGrant, ZendeskClient } from '@zc/zendesk';
import type { OAuthStateRecord } from '../adapters/oauth-states';
import type { ConnectorState } from '../domain/connector-state';
import { commandMeta } from './command-meta';
import { hashState, openClientSecret } from './connectors';
import { ZENDESK_SCOPES, type AuthDeps, type RequestContext } from './deps';
import { exchangeFailure, notAdminMessage, PLAN_MESSAGE, upstreamFailure, type Failure } from './zendesk-failures';

export interface CallbackQuery {
  code?: string | undefined;
  state?: string | undefined;
  error?: string | undefined;
  error_description?: string | undefined;
}

export type CallbackOutcome =
  | { ok: true; connectorId: string; name: string; zendeskUser: string }
  | { ok: false; connectorId: string | null; reason: Failure['reason']; message: string };

const INVALID_STATE: Record<'missing' | 'unknown' | 'replayed' | 'expired', string> = {
  missing: 'The callback carries no state; start the connection from the product again.',
  unknown: 'The callback state is unknown or forged; start the connection from the product again.',
  replayed: 'This authorization link was already used; start the connection from the product again.',
  expired: 'The authorization took too long and its link expired; start the connection again.',
};

/** Zendesk's token metadata for a fresh grant: its id from the token API, its expiry from the grant. */
export async function tokenMetadataOf(api: ZendeskClient, grant: TokenGrant, now: Date): Promise<TokenMetadata> {
  const info = await api.getToken('current');
  const expiresIn = grant.expires_in ?? null;
  return {
    zendeskTokenId: info.id,
    scopes: grant.scope ? grant.scope.split(/\s+/).filter((s) => s.length > 0) : info.scopes,
    expiresAt: expiresIn === null ? null : new Date(now.getTime() + expiresIn * 1_000).toISOString(),
    refreshable: typeof grant.refresh_token === 'string' && grant.refresh_token.length > 0,
  };
}

/** The OAuth redirect target: validate the state, exchange the code, check the user and plan, record the result. */
export async function handleOAuthCallback(
  deps: AuthDeps,
  query: CallbackQuery,
  correlationId: string,
): Promise<CallbackOutcome> {
  if (query.state === undefined || query.state.length === 0) {
    return { ok: false, connectorId: null, reason: 'INVALID_STATE', message: INVALID_STATE.missing };
  }
  const stateHash = hashState(query.state);
  const claim = await deps.states.claim(stateHash, deps.now());
  const context = (record: OAuthStateRecord): RequestContext => ({
    actor: { kind: 'admin_key', id: record.keyId },
    correlationId,
    causationId: record.startedEventId,
  });
  if (!claim.ok) {
    const failure: Failure = { reason: 'INVALID_STATE', message: INVALID_STATE[claim.why] };
    if (claim.record === null) return { ok: false, connectorId: null, ...failure };
    return recordFailure(deps, claim.record.connectorId, failure, context(claim.record));
  }
  const record = claim.record;
  const connector = await deps.repository.load(record.connectorId);
  const outcome = await authorize(deps, connector, record, query);
  if ('reason' in outcome) return recordFailure(deps, record.connectorId, outcome, context(record));
  try {
    await deps.repository.execute(record.connectorId, {
      type: 'CompleteAuthorization',
      meta: commandMeta(deps, context(record)),
      stateHash,
      ...outcome.command,
      rotationAgeMs: deps.tokenRotationAgeMs,
    });
  } catch (error) {
    await outcome.revoke();
    const message = error instanceof Error ? error.message : 'The connector cannot be authorized now.';
    return recordFailure(deps, record.connectorId, { reason: 'INVALID_STATE', message }, context(record));
  }
  return { ok: true, connectorId: record.connectorId, name: connector.name, zendeskUser: outcome.email };
}

async function authorize(deps: AuthDeps, connector: ConnectorState, record: OAuthStateRecord, query: CallbackQuery) {
  if (query.error !== undefined) {
    if (query.error === 'access_denied') {
      return { reason: 'ACCESS_DENIED' as const, message: 'Access was denied in Zendesk; nothing was connected.' };
    }
    return upstreamFailure(new Error(`Zendesk answered ${query.error}: ${query.error_description ?? ''}`.trim()));
  }
  if (query.code === undefined || query.code.length === 0) {
    return upstreamFailure(new Error('the callback carries neither a code nor an error'));
  }
  if (connector.clientSecret === null) return upstreamFailure(new Error('the connector has no client secret'));
  const now = deps.now();
  let grant: TokenGrant;
  try {
    const oauth = deps.zendesk.oauth(
      connector.endpoint,
      connector.clientId,
      openClientSecret(deps, connector.connectorId, connector.clientSecret),
    );
    grant = await oauth.exchangeCode({
      code: query.code,
      redirectUri: record.redirectUrl,
      codeVerifier: unseal(deps.keyRing, record.verifier, encryptionContexts.oauthVerifier(record._id)),
      scopes: ZENDESK_SCOPES,
    });
  } catch (error) {
    return exchangeFailure(error);
  }
  const api = deps.zendesk.api(connector.endpoint, grant.access_token);
  // A token we will not keep is revoked at once, so a refused connection leaves nothing usable behind.
  const revoke = () => api.revokeToken('current').catch(() => undefined);
  try {
    const me = await api.getMe();
    if (me.id === null || me.role !== 'admin' || me.suspended === true || me.active === false) {
      await revoke();
      return { reason: 'NOT_ADMIN' as const, message: notAdminMessage(me.email, me.role) };
    }
    try {
      await api.auditLogPages({ pageSize: 1 }).next();
    } catch (error) {
      const failure = upstreamFailure(error);
      if (failure.reason === 'PLAN_NOT_SUPPORTED') {
        await revoke();
        return { reason: 'PLAN_NOT_SUPPORTED' as const, message: PLAN_MESSAGE };
      }
      throw error;
    }
    const token = await tokenMetadataOf(api, grant, now);
    const tokenBundle = sealTokenBundle(deps.keyRing, connector.connectorId, {
      accessToken: grant.access_token,
      refreshToken: grant.refresh_token ?? null,
    });
    return {
      email: me.email ?? '',
      revoke,
      command: {
        tokenBundle,
        token,
        authorizingUser: { zendeskUserId: me.id, email: me.email ?? '', role: 'admin' as const },
      },
    };
  } catch (error) {
    await revoke();
    return upstreamFailure(error);
  }
}

async function recordFailure(
  deps: AuthDeps,
  connectorId: string,
  failure: Failure,
  context: RequestContext,
): Promise<CallbackOutcome> {
  try {
    await deps.repository.execute(connectorId, {
      type: 'FailAuthorization',
      meta: commandMeta(deps, context),
      reason: failure.reason,
      message: failure.message,
    });
  } catch {
    // A disconnected connector records nothing more; the person still gets the explanation.
  }
  return { ok: false, connectorId, ...failure };
}
