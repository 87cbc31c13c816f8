import type { ConnectorEvent } from '@zc/contracts';
import type { Decider } from '@zc/decider';
import type { ConnectorCommand } from './connector-commands';
import { evolve, initialState, type ConnectorState } from './connector-state';
import { decide } from './decide';

export const connectorDecider: Decider<ConnectorState, ConnectorCommand, ConnectorEvent> = {
  decide,
  evolve,
  initialState,
};
