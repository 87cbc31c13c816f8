import { MongoClient, type Collection, type Db, type Document } from 'mongodb';

export interface MongoConnectOptions {
  uri: string;
  dbName: string;
  /** Shows up in server logs and `currentOp`, so operators can tell services apart. */
  appName?: string;
  /** How long a call may wait for a usable server before failing; readiness relies on it. */
  serverSelectionTimeoutMs?: number;
}

/** The one handle apps hold: the database plus typed collections, closed once on shutdown. */
export interface MongoHandle {
  readonly db: Db;
  readonly dbName: string;
  collection<TSchema extends Document>(name: string): Collection<TSchema>;
  close(): Promise<void>;
}

export async function connectMongo(options: MongoConnectOptions): Promise<MongoHandle> {
  const client = new MongoClient(options.uri, {
    appName: options.appName ?? 'zc',
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 10_000,
  });
  // Connect eagerly so a wrong URI fails at startup, not at the first request.
  await client.connect();
  const db = client.db(options.dbName);
  return {
    db,
    dbName: options.dbName,
    collection: <TSchema extends Document>(name: string) => db.collection<TSchema>(name),
    close: () => client.close(),
  };
}

/** Readiness probe: true when the server answers `ping` within the timeout, never throws. */
export async function pingMongo(handle: MongoHandle, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = handle.db
    .command({ ping: 1 })
    .then((reply) => reply['ok'] === 1)
    .catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
