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
