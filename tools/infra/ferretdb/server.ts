import { mkdir } from 'node:fs/promises';
import { MongoClient } from 'mongodb';
import { ManagedProcess } from '../managed-process';
import type { FerretDbLocation } from './id-index-check';

export interface FerretDbOptions {
  binary: string;
  dataDir: string;
  port: number;
  persistent: boolean;
  onLine?: (line: string) => void;
  startTimeoutMs?: number;
  /** false: stock FerretDB without the `_id` lookup index, for benchmarks only. Default true. */
  idIndex?: boolean;
}

export interface FerretDbServer extends FerretDbLocation {
  readonly uri: string;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

/** Ready means it answers a MongoDB `ping` through the official driver. */
async function answersPing(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close();
  }
}

export async function startFerretDb(options: FerretDbOptions): Promise<FerretDbServer> {
  await mkdir(options.dataDir, { recursive: true });
  const server = new ManagedProcess({
    name: 'FerretDB',
    command: options.binary,
    args: [
      '-listen',
      `127.0.0.1:${String(options.port)}`,
      '-dir',
      options.dataDir,
      ...(options.idIndex === false ? ['-id-index=false'] : []),
    ],
    parentDeathSignal: options.persistent ? 'TERM' : 'KILL',
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
  const uri = `mongodb://127.0.0.1:${String(options.port)}/?directConnection=true`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (!(await answersPing(uri))) {
    if (!server.running) throw server.failure('exited before it answered ping');
    if (Date.now() > deadline) {
      await server.kill();
      throw server.failure('did not answer ping in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    uri,
    binary: options.binary,
    dataDir: options.dataDir,
    process: server,
    stop: () => server.stop(),
  };
}
