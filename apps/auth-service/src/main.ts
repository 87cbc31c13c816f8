import { closeOnSignals, createLogger } from '@zc/http';
import { loadConfig } from './config';
import { createAuthRuntime } from './runtime';

const config = loadConfig(process.env);
const logger = createLogger({ serviceName: 'auth-service', level: config.LOG_LEVEL });
const runtime = await createAuthRuntime({ config, logger });

if (runtime.generatedBootstrapKey !== null) {
  // Printed once, on the start that created it, straight to stdout: the logger would redact it.
  process.stdout.write(
    `\nBootstrap admin key: ${runtime.generatedBootstrapKey}\n(shown once; store it now, or create keys with npm run admin -- keys create)\n\n`,
  );
}

closeOnSignals(runtime.app, [() => runtime.close()]);
const address = await runtime.app.listen({ port: config.PORT, host: config.HOST });
logger.info({ address, openapi: `${address}/docs` }, `auth-service listening on ${address}`);
