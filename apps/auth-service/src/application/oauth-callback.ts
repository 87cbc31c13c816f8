import { encryptionContexts, sealTokenBundle } from '@zc/contracts';
import { unseal } from '@zc/secrets';
import type { ConnectorState } from '../domain/connector-state';
import { commandMeta } from './command-meta';
import { hashState, openClientSecret } from './connectors';
import type { AuthDeps, RequestContext } from './deps';
import { failureOf, type Failure, type ProviderGrant } from './ports/connector-provider';
import type { OAuthStateRecord } from './ports/oauth-states';
import { tokenMetadataOf } from './token-metadata';

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
    return failureOf(new Error(`Zendesk answered ${query.error}: ${query.error_description ?? ''}`.trim()));
  }
  if (query.code === undefined || query.code.length === 0) {
    return failureOf(new Error('the callback carries neither a code nor an error'));
  }
  if (connector.clientSecret === null) return failureOf(new Error('the connector has no client secret'));
  const now = deps.now();
  const { provider } = deps;
  let grant: ProviderGrant;
  try {
    grant = await provider.exchangeCode(
      {
        endpoint: connector.endpoint,
        clientId: connector.clientId,
        clientSecret: openClientSecret(deps, connector.connectorId, connector.clientSecret),
      },
      {
        code: query.code,
        redirectUri: record.redirectUrl,
        codeVerifier: unseal(deps.keyRing, record.verifier, encryptionContexts.oauthVerifier(record._id)),
      },
    );
  } catch (error) {
    return failureOf(error);
  }
  // A token we will not keep is revoked at once, so a refused connection leaves nothing usable behind.
  const revoke = () => provider.revoke(connector, grant.accessToken, 'current').catch(() => undefined);
  try {
    const me = await provider.whoAmI(connector, grant.accessToken);
    if (me.userId === null || !me.admin || !me.active) {
      await revoke();
      return { reason: 'NOT_ADMIN' as const, message: provider.notAdminMessage(me) };
    }
    try {
      await provider.probeAuditAccess(connector, grant.accessToken);
    } catch (error) {
      const failure = failureOf(error);
      if (failure.reason === 'PLAN_NOT_SUPPORTED') {
        await revoke();
        return failure;
      }
      throw error;
    }
    const token = await tokenMetadataOf(provider, connector, grant, now);
    const tokenBundle = sealTokenBundle(deps.keyRing, connector.connectorId, {
      accessToken: grant.accessToken,
      refreshToken: grant.refreshToken,
    });
    return {
      email: me.email ?? '',
      revoke,
      command: {
        tokenBundle,
        token,
        authorizingUser: { providerUserId: me.userId, email: me.email ?? '', role: 'admin' as const },
      },
    };
  } catch (error) {
    await revoke();
    return failureOf(error);
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
