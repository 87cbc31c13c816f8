import { seal, unseal, type KeyRing } from '@zc/secrets';
import type { EncryptedBlob } from '../primitives';
import { encryptionContexts } from './encryption-contexts';

/** Seals a connector's OAuth client secret for ConnectorRegistered / ConnectorCredentialsRotated. */
export const sealClientSecret = (ring: KeyRing, connectorId: string, secret: string): EncryptedBlob =>
  seal(ring, secret, encryptionContexts.clientSecret(connectorId));

/** Opens a connector's sealed client secret; throws SecretUnsealError on a wrong key, connector or tampering. */
export const openClientSecret = (ring: KeyRing, connectorId: string, sealed: EncryptedBlob): string =>
  unseal(ring, sealed, encryptionContexts.clientSecret(connectorId));
