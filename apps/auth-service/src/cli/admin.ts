/**
 * Admin CLI: `npm run admin -- keys create --name ci --scopes connectors:read,connectors:write`,
 * `keys list`, `keys revoke <id>`, `secrets reencrypt`. Reads MONGO_URI, KEYS_MONGO_DB (default zc_keys)
 * for keys, MONGO_DB (default zc_auth) and ENCRYPTION_KEYS for secrets, from the environment like the service;
 * what the environment leaves out comes from the local stack `npm start` runs (its .cache/run), so the README's
 * command just works.
 */
import { parseArgs } from 'node:util';
import { createApiKeyStore, parseScopeList } from '@zc/api-keys';
import { parseConfig } from '@zc/config';
import { connectMongo } from '@zc/mongo';
import { parseKeyRing } from '@zc/secrets';
import { createOAuthStateStore } from '../adapters/oauth-states';
import { reencryptSecrets } from '../application/reencrypt';
import { AuthConfigSchema } from '../config';
import { localStackDefaults } from './local-stack';

const CliConfig = AuthConfigSchema.pick({ MONGO_URI: true, MONGO_DB: true, KEYS_MONGO_DB: true }).extend({
  ENCRYPTION_KEYS: AuthConfigSchema.shape.ENCRYPTION_KEYS.optional(),
});

const USAGE = `usage: npm run admin -- <command>
  keys create --name <name> --scopes <scope,...>   create an API key (printed once)
  keys list                                         list keys (never their secrets)
  keys revoke <keyId>                               revoke a key at once
  secrets reencrypt                                 re-seal stored secrets under the active key`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, scopes: { type: 'string' } },
  });
  const [group, command, argument] = positionals;
  const config = parseConfig(CliConfig, { ...localStackDefaults(), ...process.env });
  const mongo = await connectMongo({ uri: config.MONGO_URI, dbName: config.MONGO_DB, appName: 'auth-admin-cli' });
  const keysMongo = await connectMongo({
    uri: config.MONGO_URI,
    dbName: config.KEYS_MONGO_DB,
    appName: 'auth-admin-cli',
  });
  try {
    const keys = createApiKeyStore(keysMongo.db);
    if (group === 'keys' && command === 'create') {
      if (values.name === undefined || values.scopes === undefined) throw new Error('--name and --scopes are required');
      const created = await keys.create({ name: values.name, scopes: parseScopeList(values.scopes) });
      process.stdout.write(
        `Created key ${created.keyId}. Store it now, it is not shown again:\n${created.presented}\n`,
      );
      return 0;
    }
    if (group === 'keys' && command === 'list') {
      for (const key of await keys.list()) {
        const state = key.revokedAt === null ? 'active' : `revoked ${key.revokedAt.toISOString()}`;
        process.stdout.write(
          `${key.keyId}  ${key.name}  ${key.scopes.join(',')}  ${key.createdAt.toISOString()}  ${state}\n`,
        );
      }
      return 0;
    }
    if (group === 'keys' && command === 'revoke' && argument !== undefined) {
      const revoked = await keys.revoke(argument);
      process.stdout.write(revoked ? `Revoked ${argument}\n` : `No active key ${argument}\n`);
      return revoked ? 0 : 1;
    }
    if (group === 'secrets' && command === 'reencrypt') {
      if (config.ENCRYPTION_KEYS === undefined) throw new Error('ENCRYPTION_KEYS is required');
      const result = await reencryptSecrets(parseKeyRing(config.ENCRYPTION_KEYS), createOAuthStateStore(mongo.db));
      process.stdout.write(`Re-sealed ${String(result.resealed)} of ${String(result.examined)} stored secrets\n`);
      return 0;
    }
    process.stderr.write(`${USAGE}\n`);
    return 2;
  } finally {
    await mongo.close();
    await keysMongo.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
