export { parseKeyRing, KeyRingError, type KeyRing, type EncryptionKey } from './key-ring';
export {
  seal,
  unseal,
  reseal,
  generateKeySpec,
  sealedSecretSchema,
  SecretUnsealError,
  type SealedSecret,
} from './sealed-secret';
