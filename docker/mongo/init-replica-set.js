// Run by the mongo-init service with mongosh. A single-node replica set, because the services rely on
// replica-set semantics (majority writes, retryable writes) that a standalone mongod lacks.
// Idempotent: on later starts the set already exists and this only waits for a primary.
try {
  rs.status();
} catch (error) {
  if (error.codeName !== 'NotYetInitialized') throw error;
  rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] });
}
while (!db.hello().isWritablePrimary) sleep(500);
print('replica set rs0 has a primary');

// The projection service only verifies API keys, so in production it connects (KEYS_MONGO_URI) as a
// user that may read the keys database and nothing else: never zc_auth, which holds the event store
// with sealed client secrets and token bundles. Created when KEYS_READER_PASSWORD is set; it takes
// effect once mongod runs with --auth (this compose stack relies on network isolation instead).
const keysReaderPassword = process.env.KEYS_READER_PASSWORD ?? '';
if (keysReaderPassword !== '') {
  const admin = db.getSiblingDB('admin');
  const roles = [{ role: 'read', db: process.env.KEYS_MONGO_DB ?? 'zc_keys' }];
  if (admin.getUser('projection-keys-reader') === null) {
    admin.createUser({ user: 'projection-keys-reader', pwd: keysReaderPassword, roles });
  } else {
    admin.updateUser('projection-keys-reader', { pwd: keysReaderPassword, roles });
  }
  print('user projection-keys-reader may read the keys database only');
}
