import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { generatePresentedKey } from '@zc/api-keys';
import { generateKeySpec } from '@zc/secrets';

const devSecretsSchema = z.object({ encryptionKeys: z.string(), adminBootstrapKey: z.string() });
export type DevSecrets = z.infer<typeof devSecretsSchema> & { createdNow: boolean };

/**
 * `npm start` has no operator to hand it secrets, and the services have no default ones; so the
 * local run generates its own once, keeps them beside its data (owner-only), and reuses them.
 * The environment wins when it sets ENCRYPTION_KEYS or ADMIN_BOOTSTRAP_KEY.
 */
export async function loadOrCreateDevSecrets(file: string): Promise<DevSecrets> {
  let stored: z.infer<typeof devSecretsSchema> | undefined;
  let createdNow = false;
  if (existsSync(file)) {
    stored = devSecretsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } else {
    stored = { encryptionKeys: generateKeySpec('dev1'), adminBootstrapKey: generatePresentedKey().presented };
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    createdNow = true;
  }
  return {
    encryptionKeys: process.env['ENCRYPTION_KEYS'] ?? stored.encryptionKeys,
    adminBootstrapKey: process.env['ADMIN_BOOTSTRAP_KEY'] ?? stored.adminBootstrapKey,
    createdNow,
  };
}
