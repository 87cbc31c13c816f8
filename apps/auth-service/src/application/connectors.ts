import { createHash, randomBytes } from 'node:crypto';
import { NotFoundError, ValidationError } from '@zc/errors';
import {
  EncryptedBlob,
  encryptionContexts,
  openClientSecret as openSealedClientSecret,
  openTokenBundle,
  sealClientSecret,
} from '@zc/contracts';
import { seal } from '@zc/secrets';
import { connectorView, OAUTH_CALLBACK_PATH, type ConnectorView } from '../domain/connector-view';
import { commandMeta } from './command-meta';
import { claimAccountClient } from './connector-uniqueness';
import type { AuthDeps, RequestContext } from './deps';

export interface RegisterInput {
  name: string;
  clientId: string;
  clientSecret: string;
  endpoint: string;
  rateLimitPerMinute: number;
}

export const redirectUrlOf = (publicBaseUrl: string): string => new URL(OAUTH_CALLBACK_PATH, publicBaseUrl).toString();
export const hashState = (state: string): string => createHash('sha256').update(state).digest('hex');

const found = (view: ConnectorView): ConnectorView => {
  if (view.id === '') throw new NotFoundError('No connector with this id.', { code: 'CONNECTOR_NOT_FOUND' });
  return view;
};

export function connectorUseCases(deps: AuthDeps) {
  const get = async (connectorId: string): Promise<ConnectorView> =>
    found(connectorView(await deps.repository.load(connectorId)));

  return {
    get,
    async list(): Promise<ConnectorView[]> {
      return (await deps.repository.loadAll()).map(connectorView);
    },

    async register(input: RegisterInput, context: RequestContext): Promise<ConnectorView> {
      const account = deps.provider.accountOf(input.endpoint);
      const connectorId = deps.newId();
      await claimAccountClient(deps, { subdomain: account.subdomain, clientId: input.clientId }, connectorId);
      const { state } = await deps.repository.execute(connectorId, {
        type: 'RegisterConnector',
        meta: commandMeta(deps, context),
        connectorId,
        name: input.name,
        clientId: input.clientId,
        clientSecret: sealClientSecret(deps.keyRing, connectorId, input.clientSecret),
        provider: deps.provider.name,
        endpoint: account.endpoint,
        providerDetails: { subdomain: account.subdomain },
        rateLimitPerMinute: input.rateLimitPerMinute,
        redirectUrl: redirectUrlOf(deps.publicBaseUrl),
      });
      return connectorView(state);
    },

    async update(
      connectorId: string,
      patch: { name?: string | undefined; rateLimitPerMinute?: number | undefined },
      context: RequestContext,
    ): Promise<ConnectorView> {
      const current = await get(connectorId);
      if (patch.name !== undefined && patch.name !== current.name) {
        // The contracts have no rename event yet; refusing beats a change no consumer would ever see.
        throw new ValidationError('The request is invalid.', {
          code: 'RENAME_NOT_SUPPORTED',
          fields: [{ field: 'body.name', message: 'renaming a connector is not supported yet' }],
        });
      }
      if (patch.rateLimitPerMinute === undefined) return current;
      const { state } = await deps.repository.execute(connectorId, {
        type: 'ChangeRateLimit',
        meta: commandMeta(deps, context),
        rateLimitPerMinute: patch.rateLimitPerMinute,
      });
      return connectorView(state);
    },

    async rotateCredentials(
      connectorId: string,
      input: { clientId?: string | undefined; clientSecret: string },
      context: RequestContext,
    ): Promise<ConnectorView> {
      const current = await get(connectorId);
      // A new client id moves the connector to another pair; the old pair is free once it is recorded.
      if (input.clientId !== undefined && input.clientId !== current.clientId) {
        await claimAccountClient(deps, { subdomain: current.subdomain, clientId: input.clientId }, connectorId);
      }
      const { state } = await deps.repository.execute(connectorId, {
        type: 'RotateCredentials',
        meta: commandMeta(deps, context),
        clientId: input.clientId ?? current.clientId,
        clientSecret: sealClientSecret(deps.keyRing, connectorId, input.clientSecret),
      });
      return connectorView(state);
    },

    async requestRecollection(
      connectorId: string,
      window: { from: string; to: string },
      context: RequestContext,
    ): Promise<ConnectorView> {
      await get(connectorId);
      const { state } = await deps.repository.execute(connectorId, {
        type: 'RequestRecollection',
        meta: commandMeta(deps, context),
        from: new Date(window.from).toISOString(),
        to: new Date(window.to).toISOString(),
      });
      return connectorView(state);
    },

    /** Starts the authorization-code flow with PKCE and a single-use state bound to connector and key. */
    async startAuthorization(connectorId: string, context: RequestContext) {
      const connector = await deps.repository.load(connectorId);
      found(connectorView(connector));
      const state = randomBytes(32).toString('base64url');
      const stateHash = hashState(state);
      const redirectUrl = redirectUrlOf(deps.publicBaseUrl);
      const now = deps.now();
      const expiresAt = new Date(now.getTime() + deps.oauthStateTtlMs);
      const { events } = await deps.repository.execute(connectorId, {
        type: 'StartAuthorization',
        meta: commandMeta(deps, context),
        stateHash,
        scopes: [...deps.provider.scopes],
        redirectUrl,
        expiresAt: expiresAt.toISOString(),
      });
      const started = deps.provider.startAuthorization(connector, { redirectUri: redirectUrl, state });
      await deps.states.save({
        _id: stateHash,
        connectorId,
        keyId: context.actor.kind === 'admin_key' ? context.actor.id : 'system',
        verifier: seal(deps.keyRing, started.codeVerifier, encryptionContexts.oauthVerifier(stateHash)),
        redirectUrl,
        startedEventId: events[0]?.eventId ?? null,
        createdAt: now,
        expiresAt,
      });
      return {
        connectorId,
        authorizeUrl: started.authorizeUrl,
        browserUrl: started.browserUrl,
        expiresAt: expiresAt.toISOString(),
        nextStep: 'Open browserUrl as a Zendesk admin and approve access; Zendesk then redirects to the callback.',
      };
    },

    /** Revokes the token at Zendesk (by its id) when there is one, then records the disconnect either way. */
    async disconnect(connectorId: string, context: RequestContext): Promise<ConnectorView> {
      const connector = await deps.repository.load(connectorId);
      found(connectorView(connector));
      let tokenRevoked = false;
      let revocationError: string | null = null;
      if (connector.token !== null && connector.status !== 'disconnected') {
        try {
          const bundle = openTokenBundle(deps.keyRing, connectorId, connector.token.bundle);
          await deps.provider.revoke(connector, bundle.accessToken, connector.token.metadata.providerTokenId);
          tokenRevoked = true;
        } catch (error) {
          revocationError = error instanceof Error ? error.message.slice(0, 300) : 'revocation failed';
        }
      }
      const { state } = await deps.repository.execute(connectorId, {
        type: 'Disconnect',
        meta: commandMeta(deps, context),
        tokenRevoked,
        revocationError,
      });
      return connectorView(state);
    },
  };
}
export type ConnectorUseCases = ReturnType<typeof connectorUseCases>;

/** The client secret of a connector, opened only for the token endpoint. */
export const openClientSecret = (deps: Pick<AuthDeps, 'keyRing'>, connectorId: string, sealed: unknown): string =>
  openSealedClientSecret(deps.keyRing, connectorId, EncryptedBlob.parse(sealed));
