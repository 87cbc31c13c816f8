import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { generatePresentedKey } from '@zc/api-keys';
import { freePort } from '@zc/infra';
import { generateKeySpec } from '@zc/secrets';

export type ServiceName = 'zendesk-sim' | 'auth-service' | 'collector-service' | 'projection-service' | 'admin-console';
/** The backend: what a system runs unless a test names its services. */
export const SERVICE_NAMES: readonly ServiceName[] = [
  'zendesk-sim',
  'auth-service',
  'collector-service',
  'projection-service',
];
/** Every service a system can run; the browser console only when a test asks for it. */
export const ALL_SERVICE_NAMES: readonly ServiceName[] = [...SERVICE_NAMES, 'admin-console'];

/** Everything that makes one system private to one test file: ports, databases, topics, groups, secrets. */
export interface SystemIdentity {
  /** Short, unique per file and run; names databases, topic prefix and consumer groups. */
  id: string;
  ports: Record<ServiceName, number>;
  urls: Record<ServiceName, string>;
  databases: { auth: string; keys: string; collector: string; projection: string };
  topicPrefix: string;
  groups: { collector: string; projection: string };
  encryptionKeys: string;
  adminKey: string;
}

export async function createIdentity(fileUrl: string): Promise<SystemIdentity> {
  const file = basename(new URL(fileUrl).pathname)
    .replace(/\.(unit|int|e2e)\.spec\.ts$/, '')
    .replace(/[^a-zA-Z0-9]/g, '_')
    .slice(0, 24);
  const id = `${file}_${randomBytes(3).toString('hex')}`;
  const ports = {} as Record<ServiceName, number>;
  for (const name of ALL_SERVICE_NAMES) ports[name] = await freePort();
  const urls = Object.fromEntries(
    ALL_SERVICE_NAMES.map((name) => [name, `http://127.0.0.1:${String(ports[name])}`]),
  ) as Record<ServiceName, string>;
  return {
    id,
    ports,
    urls,
    databases: {
      auth: `${id}_auth`,
      keys: `${id}_keys`,
      collector: `${id}_collector`,
      projection: `${id}_projection`,
    },
    topicPrefix: `${id.replace(/_/g, '-')}.`,
    groups: { collector: `${id}-collector`, projection: `${id}-projection` },
    encryptionKeys: generateKeySpec(`e2e${randomBytes(2).toString('hex')}`),
    adminKey: generatePresentedKey().presented,
  };
}

/**
 * Short cadences so a whole flow fits in seconds, not minutes: polls, rescans, leases and retries.
 * Tests override any of them per service.
 */
export const FAST_SETTINGS: Record<ServiceName, Record<string, string>> = {
  'zendesk-sim': { SIM_ACTIVITY_INTERVAL_S: '3600' },
  'auth-service': { TOKEN_MAINTENANCE_INTERVAL: '2s', OUTBOX_POLL_INTERVAL: '100ms' },
  'collector-service': {
    KAFKA_TOPIC_PARTITIONS: '2',
    POLL_INTERVAL: '1s',
    END_LAG: '2s',
    RESCAN_WINDOW: '30s',
    ROLE_CHECK_INTERVAL: '3s',
    CAPABILITY_RETRY_INTERVAL: '2s',
    LEASE_TTL: '4s',
  },
  'projection-service': { STATUS_SWEEP_INTERVAL: '500ms' },
  'admin-console': { POLL_INTERVAL: '500ms' },
};

/** The environment each service gets from the identity (on top of tools/system/apps.ts defaults). */
export function serviceEnvironment(
  identity: SystemIdentity,
  name: ServiceName,
  services: readonly ServiceName[] = SERVICE_NAMES,
): Record<string, string> {
  const common = {
    PORT: String(identity.ports[name]),
    HOST: '127.0.0.1',
    KAFKA_TOPIC_PREFIX: identity.topicPrefix,
    KAFKA_TOPIC_PARTITIONS: '2',
    ENCRYPTION_KEYS: identity.encryptionKeys,
    ZENDESK_HOST_OVERRIDE_URL: identity.urls['zendesk-sim'],
    PUBLIC_BASE_URL: identity.urls['auth-service'],
  };
  switch (name) {
    case 'zendesk-sim':
      return { PORT: common.PORT, HOST: common.HOST };
    case 'auth-service':
      return {
        ...common,
        MONGO_DB: identity.databases.auth,
        KEYS_MONGO_DB: identity.databases.keys,
        ADMIN_BOOTSTRAP_KEY: identity.adminKey,
        // People back from Zendesk's consent page land in the console only when the system runs one.
        ...(services.includes('admin-console') ? { CONSOLE_URL: identity.urls['admin-console'] } : {}),
      };
    case 'collector-service':
      return { ...common, MONGO_DB: identity.databases.collector, CONSUMER_GROUP: identity.groups.collector };
    case 'admin-console':
      return {
        PORT: common.PORT,
        HOST: common.HOST,
        AUTH_SERVICE_URL: identity.urls['auth-service'],
        PROJECTION_SERVICE_URL: identity.urls['projection-service'],
        AUTH_PUBLIC_BASE_URL: common.PUBLIC_BASE_URL,
        ZENDESK_HOST_OVERRIDE_URL: common.ZENDESK_HOST_OVERRIDE_URL,
      };
    case 'projection-service':
      return {
        ...common,
        MONGO_DB: identity.databases.projection,
        KEYS_MONGO_DB: identity.databases.keys,
        CONSUMER_GROUP: identity.groups.projection,
      };
  }
}
