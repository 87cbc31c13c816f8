import type { ConnectorState } from './connector-state';

export const OAUTH_CALLBACK_PATH = '/api/oauth/saga';

/** What an admin sees of a connector: registration and authorization state, never a secret. */
export function connectorView(state: ConnectorState) {
  const token = state.token;
  return {
    id: state.connectorId,
    name: state.name,
    clientId: state.clientId,
    endpoint: state.endpoint,
    subdomain: state.subdomain,
    rateLimitPerMinute: state.rateLimitPerMinute,
    redirectUrl: state.redirectUrl,
    state: state.status === 'new' ? ('registered' as const) : state.status,
    needsReconnect: state.needsReconnect || state.lastFailure?.reason === 'INVALID_GRANT',
    registeredAt: state.registeredAt ?? '',
    updatedAt: state.updatedAt ?? '',
    version: state.version,
    authorization:
      token === null || state.authorizingUser === null
        ? null
        : {
            authorizedAt: state.authorizedAt ?? '',
            // The API keeps its Zendesk names; the events carry the provider-neutral ones.
            zendeskUser: {
              zendeskUserId: state.authorizingUser.providerUserId,
              email: state.authorizingUser.email,
              role: state.authorizingUser.role,
            },
            token: {
              zendeskTokenId: token.metadata.providerTokenId,
              scopes: token.metadata.scopes,
              expiresAt: token.metadata.expiresAt,
              refreshable: token.metadata.refreshable,
              issuedAt: token.issuedAt,
              rotationDue: token.rotationDueRaised,
            },
          },
    lastFailure: state.lastFailure,
    lastTest: state.lastTest,
    lastRecollection: state.lastRecollection,
    disconnected: state.disconnected,
    nextStep: nextStepFor(state),
  };
}
export type ConnectorView = ReturnType<typeof connectorView>;

export function nextStepFor(state: ConnectorState): string {
  if (state.status === 'disconnected') return 'The connector is disconnected; register a new one to collect again.';
  if (state.needsReconnect) {
    return 'The client credentials changed: POST /v1/connectors/{id}/authorize and connect in Zendesk again.';
  }
  switch (state.status) {
    case 'registered':
      return `Paste ${state.redirectUrl} as the redirect URL of the Zendesk OAuth client, then POST /v1/connectors/{id}/authorize and open the returned URL as a Zendesk admin.`;
    case 'authorizing':
      return 'Open the authorize URL and approve access in Zendesk as a Zendesk admin.';
    case 'failed':
      return `Fix the cause (${state.lastFailure?.message ?? 'see lastFailure'}) and authorize again.`;
    default:
      return 'Connected to Zendesk. Use POST /v1/connectors/{id}/test to check the connection at any time.';
  }
}
