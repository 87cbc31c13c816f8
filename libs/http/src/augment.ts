import type { Principal } from './api-key-auth';
import type { AppMetrics } from './metrics';
import type { ReadinessCheck } from './readiness';

declare module 'fastify' {
  interface FastifyInstance {
    registerReadinessCheck(name: string, check: ReadinessCheck): void;
    readonly metrics: AppMetrics;
  }
  interface FastifyRequest {
    /** The verified API key, or null on public routes and before authentication. */
    principal: Principal | null;
  }
}
