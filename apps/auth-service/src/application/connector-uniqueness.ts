import { ConflictError } from '@zc/errors';
import type { ClaimHolder } from './ports/connector-claims';
import type { AuthDeps } from './deps';

/** A claim whose connector never got its first event is abandoned after this long (a crash mid-register). */
const ABANDONED_AFTER_MS = 60_000;

export class ConnectorAlreadyExistsError extends ConflictError {
  constructor(readonly existingConnectorId: string) {
    super(
      `A connector for this Zendesk account and OAuth client already exists: ${existingConnectorId}. ` +
        'Use it (or disconnect it first to register again).',
      {
        code: 'CONNECTOR_ALREADY_EXISTS',
        extensions: { existingConnectorId },
        fields: [{ field: 'body.endpoint', message: `already connected by connector ${existingConnectorId}` }],
      },
    );
  }
}

/**
 * Makes `connectorId` the one connector of this Zendesk account and OAuth client: each gets one
 * account-wide rate limit, so a second would double the budget against Zendesk. Several accounts
 * are fine; the same one again is not, unless the holder is disconnected (then it may be
 * registered anew), was moved to another client id, or never finished registering.
 */
export async function claimAccountClient(
  deps: Pick<AuthDeps, 'claims' | 'repository' | 'now'>,
  pair: { subdomain: string; clientId: string },
  connectorId: string,
): Promise<void> {
  let takeOver: ClaimHolder | undefined;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const now = deps.now();
    const result = await deps.claims.claim(pair, connectorId, now, takeOver);
    if (result.ok) return;
    if (result.holder.connectorId === connectorId) return;
    const holder = await deps.repository.load(result.holder.connectorId);
    const gone =
      holder.status === 'disconnected' ||
      (holder.status === 'new' && now.getTime() - result.holder.createdAt.getTime() > ABANDONED_AFTER_MS) ||
      (holder.status !== 'new' && (holder.subdomain !== pair.subdomain || holder.clientId !== pair.clientId));
    if (!gone) throw new ConnectorAlreadyExistsError(result.holder.connectorId);
    takeOver = result.holder;
  }
  throw new ConflictError('The connector registration raced with others; try again.', { code: 'CONNECTOR_CLAIM_RACE' });
}
