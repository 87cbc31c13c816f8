import { createHash } from 'node:crypto';
import { ensureIndexes, isDuplicateKeyError, type Db } from '@zc/mongo';
import type { ClaimHolder, ConnectorClaims } from '../application/ports/connector-claims';

/**
 * Who holds a (Zendesk account, OAuth client) pair, as insert-only documents whose `_id` is the
 * pair plus a generation. Inserting is the one atomic step FerretDB offers (a unique `_id`; its
 * conditional updates and deletes are not), so of concurrent registrations exactly one inserts a
 * given generation and every other one reads the winner. Taking over a pair whose holder is gone
 * (disconnected) inserts the next generation, which again only one caller can do.
 */
interface ClaimDocument {
  _id: string;
  pair: string;
  generation: number;
  connectorId: string;
  createdAt: Date;
}

export const CONNECTOR_CLAIMS_COLLECTION = 'connector_claims';

/** Subdomains are lower-case already; the client id is hashed so any text makes a safe, bounded `_id`. */
const pairIdOf = (pair: { subdomain: string; clientId: string }): string =>
  `${pair.subdomain}:${createHash('sha256').update(pair.clientId).digest('hex')}`;

export function createConnectorClaims(db: Db): ConnectorClaims {
  const claims = db.collection<ClaimDocument>(CONNECTOR_CLAIMS_COLLECTION);

  const holderOf = async (pair: string): Promise<ClaimHolder | null> => {
    // Few generations per pair; FerretDB sorts in memory either way.
    const [latest] = await claims.find({ pair }).sort({ generation: -1 }).limit(1).toArray();
    return latest === undefined
      ? null
      : { connectorId: latest.connectorId, generation: latest.generation, createdAt: latest.createdAt };
  };

  return {
    async claim(input, connectorId, now, takeOver) {
      const pair = pairIdOf(input);
      const generation = takeOver === undefined ? 0 : takeOver.generation + 1;
      try {
        await claims.insertOne({ _id: `${pair}#${String(generation)}`, pair, generation, connectorId, createdAt: now });
        return { ok: true };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const holder = await holderOf(pair);
      if (holder === null) throw new Error(`connector claim ${pair} lost after a duplicate insert`);
      return { ok: false, holder };
    },
    ensureIndexes: () => ensureIndexes(claims, [{ key: { pair: 1, generation: -1 }, name: 'pair_generation' }]),
    async isEmpty() {
      return (await claims.findOne({})) === null;
    },
  };
}
