import type { HttpApp } from '@zc/http';
import type { MongoHandle } from '@zc/mongo';
import { pino } from 'pino';
import { viewAliases } from '../adapters/view-collections';
import { viewQueries } from '../adapters/view-queries';
import { buildApp, type AppDeps } from '../app';

/** The query API over a test database's views, for a key with `activities:read`. */
export const activityApi = (mongo: MongoHandle, overrides: Partial<AppDeps> = {}): Promise<HttpApp> =>
  buildApp({
    queries: viewQueries(mongo, viewAliases(mongo)),
    verifyApiKey: () => Promise.resolve({ keyId: 'k', scopes: ['activities:read'] }),
    now: () => new Date(),
    logger: pino({ level: 'silent' }),
    ...overrides,
  });

/** Closes the app and drops the test database. */
export async function closeActivityApi(app: HttpApp, mongo: MongoHandle): Promise<void> {
  await app.close();
  await mongo.db.dropDatabase();
  await mongo.close();
}
