import { ConflictError, IllegalStateError, NotFoundError, ValidationError } from '@zc/errors';
import {
  isRotationDue,
  rotationDueAtOf,
  tokenRotationDueAt,
  type ConnectorEvent,
  type TokenMetadata,
} from '@zc/contracts';
import type { ConnectorCommand } from './connector-commands';
import { connectorEvent } from './connector-event';
import type { ConnectorState } from './connector-state';
import { recollectWindowProblems } from './recollect-window';

/** The token as recorded: with the rotation decision taken now, at issue (token-rotation.ts). */
const issuedToken = (token: TokenMetadata, issuedAt: string, rotationAgeMs: number): TokenMetadata => ({
  ...token,
  rotationDueAt: tokenRotationDueAt(token, issuedAt, rotationAgeMs),
});

const requireLive = (state: ConnectorState): void => {
  if (state.status === 'new') throw new NotFoundError('No connector with this id.', { code: 'CONNECTOR_NOT_FOUND' });
  if (state.status === 'disconnected') {
    throw new IllegalStateError('The connector is disconnected; register a new one.', {
      code: 'CONNECTOR_DISCONNECTED',
    });
  }
};

const requireAuthorized = (state: ConnectorState): NonNullable<ConnectorState['token']> => {
  requireLive(state);
  if (state.status !== 'authorized' || state.token === null) {
    throw new IllegalStateError('The connector is not authorized; connect it in Zendesk first.', {
      code: 'CONNECTOR_NOT_AUTHORIZED',
    });
  }
  return state.token;
};

/** Pure: the events a command leads to, or an AppError when it is illegal in this state. */
export function decide(command: ConnectorCommand, state: ConnectorState): ConnectorEvent[] {
  const { meta } = command;
  switch (command.type) {
    case 'RegisterConnector': {
      if (state.status !== 'new') throw new ConflictError('A connector with this id exists.');
      const { type: _type, meta: _meta, connectorId, ...data } = command;
      return [connectorEvent(state, meta, 'ConnectorRegistered', data, connectorId)];
    }
    case 'StartAuthorization': {
      requireLive(state);
      const { stateHash, scopes, redirectUrl, expiresAt } = command;
      return [
        connectorEvent(state, meta, 'ConnectorAuthorizationStarted', { stateHash, scopes, redirectUrl, expiresAt }),
      ];
    }
    case 'CompleteAuthorization': {
      requireLive(state);
      // Only the latest started authorization may complete; an older consent is stale.
      if (state.pendingAuthorization?.stateHash !== command.stateHash) {
        throw new IllegalStateError('A newer authorization was started for this connector.', {
          code: 'AUTHORIZATION_SUPERSEDED',
        });
      }
      return [
        connectorEvent(state, meta, 'ConnectorAuthorized', {
          tokenBundle: command.tokenBundle,
          token: issuedToken(command.token, meta.now, command.rotationAgeMs),
          authorizingUser: command.authorizingUser,
          authorizedAt: meta.now,
        }),
      ];
    }
    case 'FailAuthorization':
      requireLive(state);
      return [
        connectorEvent(state, meta, 'ConnectorAuthorizationFailed', {
          reason: command.reason,
          message: command.message,
        }),
      ];
    case 'RecordConnectionTest': {
      requireLive(state);
      const ok = command.checks.every((check) => check.ok);
      return [connectorEvent(state, meta, 'ConnectionTested', { ok, checks: command.checks })];
    }
    case 'RecordTokenRefresh':
      requireAuthorized(state);
      return [
        connectorEvent(state, meta, 'ConnectorTokenRefreshed', {
          tokenBundle: command.tokenBundle,
          token: issuedToken(command.token, meta.now, command.rotationAgeMs),
          refreshedAt: meta.now,
        }),
      ];
    case 'FlagTokenRotation': {
      const token = requireAuthorized(state);
      const dueAt = rotationDueAtOf(token.metadata, token.issuedAt);
      if (token.rotationDueRaised || dueAt === null || !isRotationDue(dueAt, meta.now)) return [];
      return [
        connectorEvent(state, meta, 'ConnectorTokenRotationDue', {
          providerTokenId: token.metadata.providerTokenId,
          tokenIssuedAt: token.issuedAt,
          dueAt,
        }),
      ];
    }
    case 'ChangeRateLimit':
      requireLive(state);
      if (command.rateLimitPerMinute === state.rateLimitPerMinute) return [];
      return [
        connectorEvent(state, meta, 'ConnectorRateLimitChanged', {
          previousPerMinute: state.rateLimitPerMinute,
          rateLimitPerMinute: command.rateLimitPerMinute,
        }),
      ];
    case 'RotateCredentials':
      requireLive(state);
      return [
        connectorEvent(state, meta, 'ConnectorCredentialsRotated', {
          clientId: command.clientId,
          clientSecret: command.clientSecret,
        }),
      ];
    case 'Disconnect':
      requireLive(state);
      return [
        connectorEvent(state, meta, 'ConnectorDisconnected', {
          tokenRevoked: command.tokenRevoked,
          revocationError: command.revocationError,
        }),
      ];
    case 'RequestRecollection': {
      requireAuthorized(state);
      const problems = recollectWindowProblems(command, meta.now);
      if (problems.length > 0) {
        const fields = problems.map((problem) => ({ field: `body.${problem.field}`, message: problem.message }));
        throw new ValidationError('The recollection window is not allowed.', { fields });
      }
      return [connectorEvent(state, meta, 'RecollectionRequested', { window: { from: command.from, to: command.to } })];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
