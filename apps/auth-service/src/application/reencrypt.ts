import { encryptionContexts } from '@zc/contracts';
import { reseal, type KeyRing } from '@zc/secrets';
import type { OAuthStateStore } from './ports/oauth-states';

/**
 * Re-seals, under the active key, every sealed secret this service keeps in its own collections (the
 * PKCE verifiers of pending authorizations). Events are immutable and are not touched: their secrets
 * move to the new key as they are superseded (token refresh, credential rotation), which is why old
 * keys stay in ENCRYPTION_KEYS for reading.
 */
export async function reencryptSecrets(
  ring: KeyRing,
  states: OAuthStateStore,
): Promise<{ examined: number; resealed: number }> {
  let resealed = 0;
  const records = await states.all();
  for (const record of records) {
    if (record.verifier.keyId === ring.active.id) continue;
    await states.replaceVerifier(
      record._id,
      reseal(ring, record.verifier, encryptionContexts.oauthVerifier(record._id)),
    );
    resealed += 1;
  }
  return { examined: records.length, resealed };
}
