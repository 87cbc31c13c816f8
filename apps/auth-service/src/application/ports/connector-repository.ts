import type { ConnectorEvent } from '@zc/contracts';
import type { ConnectorCommand } from '../../domain/connector-commands';
import type { ConnectorState } from '../../domain/connector-state';

/** The connector streams in the event store: one stream per connector, its id the connector id. */
export interface ConnectorRepository {
  /** Reads, decides and appends with the version read (retrying on a concurrent append). */
  execute(connectorId: string, command: ConnectorCommand): Promise<{ state: ConnectorState; events: ConnectorEvent[] }>;
  load(connectorId: string): Promise<ConnectorState>;
  /**
   * Every registered connector as its stream tells it, at a constant cost per connector (a read model
   * checked against each stream's head), for the admin list and the token-maintenance pass.
   */
  loadAll(): Promise<ConnectorState[]>;
}
