import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { KeyRing } from './key-ring';

/** The only form in which a secret is ever written: AES-256-GCM ciphertext naming its key. */
export const sealedSecretSchema = z.object({
  keyId: z.string(),
  iv: z.string(),
  ciphertext: z.string(),
  tag: z.string(),
});
export type SealedSecret = z.infer<typeof sealedSecretSchema>;

export class SecretUnsealError extends Error {
  readonly code = 'SECRET_UNSEAL_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'SecretUnsealError';
  }
}

/**
 * `context` is bound as additional authenticated data (e.g. the connector id), so a sealed
 * secret copied onto another record fails to open instead of leaking across connectors.
 */
export function seal(ring: KeyRing, plaintext: string, context: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.active.key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    keyId: ring.active.id,
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export function unseal(ring: KeyRing, sealed: SealedSecret, context: string): string {
  const key = ring.byId.get(sealed.keyId);
  if (!key) throw new SecretUnsealError(`unknown encryption key id ${sealed.keyId}`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SecretUnsealError('secret could not be decrypted (wrong key, context or tampered data)');
  }
}

/** Re-encrypts under the active key; a no-op for secrets already sealed with it. */
export function reseal(ring: KeyRing, sealed: SealedSecret, context: string): SealedSecret {
  if (sealed.keyId === ring.active.id) return sealed;
  return seal(ring, unseal(ring, sealed, context), context);
}

/** A fresh random key in the `id:base64` form `parseKeyRing` reads. */
export function generateKeySpec(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}
