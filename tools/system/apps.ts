/** The apps `npm start` and the end-to-end tests run, with their default local ports (design §6). */
export interface AppSpec {
  name: string;
  entry: string;
  port: number;
  /** A line the app logs once it listens. */
  readyPattern: RegExp;
}

export const APPS: AppSpec[] = [
  { name: 'zendesk-sim', entry: 'apps/zendesk-sim/src/main.ts', port: 8089, readyPattern: /listening/i },
  { name: 'auth-service', entry: 'apps/auth-service/src/main.ts', port: 8081, readyPattern: /listening/i },
  { name: 'collector-service', entry: 'apps/collector-service/src/main.ts', port: 8082, readyPattern: /listening/i },
  { name: 'projection-service', entry: 'apps/projection-service/src/main.ts', port: 8083, readyPattern: /listening/i },
  { name: 'admin-console', entry: 'apps/admin-console/src/main.ts', port: 8080, readyPattern: /listening/i },
];

export interface Infrastructure {
  kafkaBrokers: string[];
  mongoUri: string;
}

/** Environment for one app: where the infrastructure is and which port to take. */
export function appEnvironment(app: AppSpec, infra: Infrastructure): Record<string, string> {
  const local = (name: string, fallback: number) =>
    `http://127.0.0.1:${String(APPS.find((a) => a.name === name)?.port ?? fallback)}`;
  return {
    PORT: String(app.port),
    PUBLIC_BASE_URL: local('auth-service', 8081),
    // Where the admin console finds the APIs it is a console for.
    AUTH_SERVICE_URL: local('auth-service', 8081),
    PROJECTION_SERVICE_URL: local('projection-service', 8083),
    HOST: '127.0.0.1',
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MONGO_URI: infra.mongoUri,
    // Trusted development setting: every <account>.zendesk.com is served by the simulator.
    ZENDESK_HOST_OVERRIDE_URL: `http://127.0.0.1:${String(APPS.find((a) => a.name === 'zendesk-sim')?.port ?? 8089)}`,
  };
}
