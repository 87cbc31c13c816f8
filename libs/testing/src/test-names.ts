import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';

/**
 * A name unique to this test file and run, for its database, topics and consumer groups,
 * so files never see each other's data while sharing one broker and one store.
 */
export function uniqueName(fileUrl: string, purpose = ''): string {
  const file = basename(new URL(fileUrl).pathname)
    .replace(/\.(unit|int|e2e)\.spec\.ts$/, '')
    .replace(/[^a-zA-Z0-9]/g, '-')
    .slice(0, 30);
  const suffix = randomBytes(4).toString('hex');
  return [file, purpose, suffix].filter((part) => part.length > 0).join('-');
}

/** MongoDB database names may not contain '-' on every server; use underscores. */
export function uniqueDatabaseName(fileUrl: string): string {
  return uniqueName(fileUrl).replace(/-/g, '_');
}
