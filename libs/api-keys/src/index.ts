export {
  createApiKeyStore,
  newApiKeySchema,
  InvalidPresentedKeyError,
  API_KEYS_COLLECTION,
  type ApiKeyStore,
  type ApiKeyStoreOptions,
  type ApiKeyInfo,
  type NewApiKey,
  type VerifiedApiKey,
} from './api-key-store';
export { API_KEY_SCOPES, apiKeyScopeSchema, parseScopeList, UnknownScopeError, type ApiKeyScope } from './scopes';
export { generatePresentedKey, parsePresentedKey, type PresentedKey } from './presented-key';
export { digestSecret, type LegacySecretHash, type ScryptParams } from './secret-hash';
