import { z } from 'zod';
import {
  ConnectorAuthorizationFailed,
  ConnectorAuthorizationStarted,
  ConnectorAuthorized,
  ConnectorTokenRefreshed,
  ConnectorTokenRotationDue,
} from './connector-authorization';
import { ConnectionTested, RecollectionRequested } from './connector-operations';
import {
  ConnectorCredentialsRotated,
  ConnectorDisconnected,
  ConnectorRateLimitChanged,
  ConnectorRegistered,
} from './connector-registration';

/** Current versions of every event on `connector.events`. */
export const connectorEventDefinitions = [
  ConnectorRegistered,
  ConnectorAuthorizationStarted,
  ConnectorAuthorized,
  ConnectorAuthorizationFailed,
  ConnectionTested,
  ConnectorTokenRefreshed,
  ConnectorTokenRotationDue,
  ConnectorRateLimitChanged,
  ConnectorCredentialsRotated,
  ConnectorDisconnected,
  RecollectionRequested,
] as const;

export const ConnectorEvent = z.discriminatedUnion('type', [
  ConnectorRegistered.schema,
  ConnectorAuthorizationStarted.schema,
  ConnectorAuthorized.schema,
  ConnectorAuthorizationFailed.schema,
  ConnectionTested.schema,
  ConnectorTokenRefreshed.schema,
  ConnectorTokenRotationDue.schema,
  ConnectorRateLimitChanged.schema,
  ConnectorCredentialsRotated.schema,
  ConnectorDisconnected.schema,
  RecollectionRequested.schema,
]);
export type ConnectorEvent = z.infer<typeof ConnectorEvent>;
