// `npm start`: Kafka, FerretDB and every app that exists, on the default local ports; Ctrl-C stops all.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleReporter, startStack, type InfraPorts } from '@zc/infra';
import { loadOrCreateDevSecrets } from './system/dev-secrets';
import { appExists, startApp, type RunningApp } from './system/app-processes';
import { APPS } from './system/apps';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const infraPorts: InfraPorts = {
  kafka: port('KAFKA_PORT', 9092),
  kafkaController: port('KAFKA_CONTROLLER_PORT', 9093),
  mongo: port('MONGO_PORT', 27017),
};

const started = Date.now();
const stack = await startStack({ report: consoleReporter, dataDir: join(root, '.cache', 'run'), ports: infraPorts });
consoleReporter(
  `infrastructure ready in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
    `(provisioning ${String(stack.timings.provisionMs)} ms, start ${String(stack.timings.startMs)} ms)`,
);

const secretsFile = join(root, '.cache', 'run', 'dev-secrets.json');
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
        // People back from Zendesk's consent page land on their connector in the console.
        CONSOLE_URL: `http://127.0.0.1:${String(APPS.find((a) => a.name === 'admin-console')?.port ?? 8080)}`,
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
