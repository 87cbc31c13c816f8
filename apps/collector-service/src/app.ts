import { createHttpApp, type HttpApp, type ReadinessReport } from '@zc/http';
import type { Logger } from 'pino';
import packageJson from '../package.json' with { type: 'json' };
import { collectionRoutes, type CollectionRoutesDeps } from './http/collection-routes';

export interface CollectorAppDeps extends CollectionRoutesDeps {
  readonly logger: Logger;
  readonly readiness: {
    readonly kafka: () => Promise<boolean>;
    readonly mongo: () => Promise<boolean>;
    readonly consumerJoined: () => boolean;
    /** Kafka publishing as the collector experiences it: ready unless blocked, with the detail. */
    readonly publishing: () => ReadinessReport;
  };
}

/** The collector's HTTP surface: probes, metrics, and the internal collection state (loopback only). */
export async function buildCollectorApp(deps: CollectorAppDeps): Promise<HttpApp> {
  const app = await createHttpApp({
    serviceName: 'collector-service',
    version: packageJson.version,
    description: 'Collects Zendesk users and audit logs of connected accounts into Kafka',
    logger: deps.logger,
    rateLimit: false,
  });
  app.registerReadinessCheck('kafka', deps.readiness.kafka);
  app.registerReadinessCheck('mongo', deps.readiness.mongo);
  app.registerReadinessCheck('consumer', deps.readiness.consumerJoined);
  app.registerReadinessCheck('publishing', deps.readiness.publishing);
  await app.register(collectionRoutes(deps));
  return app;
}
