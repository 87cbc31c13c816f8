// `npm start`: Kafka, FerretDB and every app that exists, on the default local ports; Ctrl-C stops all.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleReporter, startStack, type InfraPorts } from '@zc/infra';
import { loadOrCreateDevSecrets } from './system/dev-secrets';
import { appExists, startApp, type RunningApp } from './system/app-processes';
import { APPS, type AppSpec } from './system/apps';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const infraPorts: InfraPorts = {
  kafka: port('KAFKA_PORT', 9092),
  kafkaController: port('KAFKA_CONTROLLER_PORT', 9093),
  mongo: port('MONGO_PORT', 27017),
};

// AUTH_SERVICE_PORT, ZENDESK_SIM_PORT, ...: a second stack (a test of this script) beside the default one.
const appPort = (app: AppSpec): number => port(`${app.name.toUpperCase().replaceAll('-', '_')}_PORT`, app.port);
const urlOf = (name: string): string => {
  const app = APPS.find((candidate) => candidate.name === name);
  return `http://127.0.0.1:${String(app === undefined ? 0 : appPort(app))}`;
};
const runDir = process.env['ZC_LOCAL_RUN_DIR'] ?? join(root, '.cache', 'run');

const started = Date.now();
const stack = await startStack({ report: consoleReporter, dataDir: runDir, ports: infraPorts });
consoleReporter(
  `infrastructure ready in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
    `(provisioning ${String(stack.timings.provisionMs)} ms, start ${String(stack.timings.startMs)} ms)`,
);

// Where the admin CLI (apps/auth-service/src/cli/local-stack.ts) finds this stack without extra environment.
await writeFile(
  join(runDir, 'local-stack.json'),
  JSON.stringify({ MONGO_URI: stack.mongoUri, KAFKA_BROKERS: stack.kafkaBrokers.join(',') }, null, 2),
  { mode: 0o600 },
);

const secretsFile = join(runDir, 'dev-secrets.json');
const secrets = await loadOrCreateDevSecrets(secretsFile);

const running: RunningApp[] = [];
for (const app of APPS.filter(appExists)) {
  running.push(
    await startApp(app, {
      infra: { kafkaBrokers: stack.kafkaBrokers, mongoUri: stack.mongoUri },
      persistent: true,
      env: {
        ENCRYPTION_KEYS: secrets.encryptionKeys,
        ADMIN_BOOTSTRAP_KEY: secrets.adminBootstrapKey,
        PORT: String(appPort(app)),
        PUBLIC_BASE_URL: urlOf('auth-service'),
        ZENDESK_HOST_OVERRIDE_URL: urlOf('zendesk-sim'),
        // People back from Zendesk's consent page land on their connector in the console.
        CONSOLE_URL: urlOf('admin-console'),
        // The console's own upstreams, on whatever ports this run uses.
        AUTH_SERVICE_URL: urlOf('auth-service'),
        PROJECTION_SERVICE_URL: urlOf('projection-service'),
      },
      onLine: (line) => process.stdout.write(`[${app.name}] ${line}\n`),
    }),
  );
}

const lines = [
  '',
  'Zendesk connector is running:',
  `  Kafka bootstrap     ${stack.kafkaBrokers.join(',')}`,
  `  MongoDB (FerretDB)  ${stack.mongoUri}`,
  ...running.map((app) => `  ${app.spec.name.padEnd(20)}${app.url}`),
  '',
  `Admin API key (local run; kept in ${secretsFile}${secrets.createdNow ? ', generated now' : ''}):`,
  `  ${secrets.adminBootstrapKey}`,
  '',
  'Press Ctrl-C to stop everything.',
  '',
];
process.stdout.write(lines.join('\n'));

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  consoleReporter(`${signal}: stopping apps, then Kafka and FerretDB…`);
  await Promise.all(running.map((app) => app.process.stop()));
  await stack.stop();
  consoleReporter('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
