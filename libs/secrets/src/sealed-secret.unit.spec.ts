import { describe, expect, it } from 'vitest';
import { generateKeySpec, parseKeyRing, reseal, seal, SecretUnsealError, unseal } from './index';

describe('sealed secrets', () => {
  const oldKey = generateKeySpec('k1');
  const newKey = generateKeySpec('k2');

  it('round-trips and never contains the plaintext', () => {
    const ring = parseKeyRing(oldKey);
    const sealed = seal(ring, 'super-secret-token', 'connector-1');
    expect(JSON.stringify(sealed)).not.toContain('super-secret-token');
    expect(sealed.keyId).toBe('k1');
    expect(unseal(ring, sealed, 'connector-1')).toBe('super-secret-token');
  });

  it('refuses another context, a tampered ciphertext and an unknown key', () => {
    const ring = parseKeyRing(oldKey);
    const sealed = seal(ring, 'token', 'connector-1');
    expect(() => unseal(ring, sealed, 'connector-2')).toThrow(SecretUnsealError);
    const tampered = { ...sealed, ciphertext: Buffer.from('xxxxx').toString('base64') };
    expect(() => unseal(ring, tampered, 'connector-1')).toThrow(SecretUnsealError);
    expect(() => unseal(parseKeyRing(newKey), sealed, 'connector-1')).toThrow(/unknown encryption key id k1/);
  });

  it('reseals under the active key after rotation and still opens old secrets', () => {
    const sealedWithOld = seal(parseKeyRing(oldKey), 'token', 'c');
    const rotated = parseKeyRing(`${newKey},${oldKey}`);
    expect(unseal(rotated, sealedWithOld, 'c')).toBe('token');
    const resealed = reseal(rotated, sealedWithOld, 'c');
    expect(resealed.keyId).toBe('k2');
    expect(unseal(parseKeyRing(newKey), resealed, 'c')).toBe('token');
  });

  it('rejects malformed key rings with a clear message', () => {
    expect(() => parseKeyRing('')).toThrow(/no encryption key/);
    expect(() => parseKeyRing('k1:c2hvcnQ=')).toThrow(/32 bytes/);
    expect(() => parseKeyRing('nocolon')).toThrow(/id:base64key/);
    expect(() => parseKeyRing(`${oldKey},${oldKey}`)).toThrow(/duplicate/);
  });
});
