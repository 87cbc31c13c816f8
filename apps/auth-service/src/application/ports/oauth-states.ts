import type { SealedSecret } from '@zc/secrets';

/** One pending authorization: only the state's hash is stored, the PKCE verifier sealed. */
export interface OAuthStateRecord {
  _id: string;
  connectorId: string;
  keyId: string;
  verifier: SealedSecret;
  redirectUrl: string;
  /** The ConnectorAuthorizationStarted event; what the callback's events are caused by. */
  startedEventId: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export type StateClaim =
  | { ok: true; record: OAuthStateRecord }
  | { ok: false; why: 'unknown' | 'replayed' | 'expired'; record: OAuthStateRecord | null };

export interface OAuthStateStore {
  save(record: OAuthStateRecord): Promise<void>;
  /** Single use: the first claim of a state wins; every later one (or an expired state) is refused. */
  claim(stateHash: string, now: Date): Promise<StateClaim>;
  all(): Promise<OAuthStateRecord[]>;
  replaceVerifier(stateHash: string, verifier: SealedSecret): Promise<void>;
  ensureIndexes(): Promise<void>;
}
