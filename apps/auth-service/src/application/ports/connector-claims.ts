/** Who holds each (provider account, OAuth client) pair: one connector per pair. */
export interface ClaimHolder {
  connectorId: string;
  generation: number;
  createdAt: Date;
}

export type ClaimResult = { ok: true } | { ok: false; holder: ClaimHolder };

export interface ConnectorClaims {
  /**
   * Claims the pair for `connectorId`: the first generation when nobody holds it, or the one after
   * `takeOver` (the holder the caller found gone). Otherwise returns the current holder.
   */
  claim(
    pair: { subdomain: string; clientId: string },
    connectorId: string,
    now: Date,
    takeOver?: ClaimHolder,
  ): Promise<ClaimResult>;
  ensureIndexes(): Promise<void>;
  isEmpty(): Promise<boolean>;
}
