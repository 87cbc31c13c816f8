// For tools only (benchmarks): the service is started by main.ts, not imported.
export { createAuthRuntime, type AuthRuntime, type AuthRuntimeOptions } from './runtime';
export { AuthConfigSchema, loadConfig, type AuthConfig } from './config';
