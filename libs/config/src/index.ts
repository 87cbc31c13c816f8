export { parseConfig, ConfigError, type ConfigIssue, type Env } from './parse-config';
export { envBoolean, envList, envPort, envDurationMs, secretString } from './env-schemas';
export { SecretString } from './secret-string';
