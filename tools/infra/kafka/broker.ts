import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { ManagedProcess } from '../managed-process';
import { runCommand } from '../run-command';
import { JVM_OPTIONS, LOG4J2_PROPERTIES, serverProperties, type BrokerPorts } from './broker-config';

export interface KafkaBrokerOptions {
  libDir: string;
  /** Holds config and log segments; reused across starts when it is not a temporary folder. */
  workDir: string;
  ports: BrokerPorts;
  persistent: boolean;
  onLine?: (line: string) => void;
  startTimeoutMs?: number;
}

export interface KafkaBroker {
  readonly bootstrapServer: string;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

/** Kafka's Uuid form: 16 random bytes, base64url without padding, never starting with '-'. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** The log line can precede request handling by a moment; an admin round trip settles it. */
async function answersAdminRequest(bootstrapServer: string): Promise<void> {
  const admin = new Kafka({ brokers: [bootstrapServer], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}

/** Formats storage (once) and starts the broker; ready when it logs that the server started. */
export async function startKafkaBroker(options: KafkaBrokerOptions): Promise<KafkaBroker> {
  const dataDir = join(options.workDir, 'data');
  const configFile = join(options.workDir, 'server.properties');
  const logConfigFile = join(options.workDir, 'log4j2.properties');
  await mkdir(options.workDir, { recursive: true });
  await writeFile(configFile, serverProperties(options.ports, dataDir));
  await writeFile(logConfigFile, LOG4J2_PROPERTIES);

  const classpath = `${options.libDir}/*`;
  const jvm = [...JVM_OPTIONS, `-Dlog4j2.configurationFile=${logConfigFile}`, '-cp', classpath];
  if (!existsSync(join(dataDir, 'meta.properties'))) {
    await runCommand('java', [...jvm, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', configFile, '-g']);
  }

  const broker = new ManagedProcess({
    name: 'Kafka broker',
    command: 'java',
    args: [...jvm, 'kafka.Kafka', configFile],
    parentDeathSignal: options.persistent ? 'TERM' : 'KILL',
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
  try {
    await broker.waitForLine(/Kafka Server started/, options.startTimeoutMs ?? 60_000);
    await answersAdminRequest(`127.0.0.1:${String(options.ports.port)}`);
  } catch (error) {
    await broker.kill();
    throw error;
  }
  return {
    bootstrapServer: `127.0.0.1:${String(options.ports.port)}`,
    process: broker,
    stop: () => broker.stop(),
  };
}
