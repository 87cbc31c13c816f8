import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Detail = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/**
 * A check that also says why, in terms safe for an unauthenticated probe (states and counts, never
 * hosts or error messages): e.g. the outbox with N events waiting for how long, still ready until stuck.
 */
export interface ReadinessReport {
  ready: boolean;
  detail: z.infer<typeof Detail>;
}

/** Resolve (or return true) when ready; throw or return false when not; or return a report. */
export type ReadinessCheck = () => Promise<boolean | void | ReadinessReport> | boolean | void | ReadinessReport;

const checkResultSchema = z.object({
  name: z.string(),
  status: z.enum(['ok', 'failed', 'timeout']),
  durationMs: z.number(),
  detail: Detail.optional(),
});
const readinessSchema = z.object({ status: z.enum(['ready', 'not_ready']), checks: z.array(checkResultSchema) });
type CheckResult = z.infer<typeof checkResultSchema>;

const TIMED_OUT = Symbol('timed out');

const runCheck = async (
  app: FastifyInstance,
  name: string,
  check: ReadinessCheck,
  timeoutMs: number,
): Promise<CheckResult> => {
  const startedAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(resolve, timeoutMs, TIMED_OUT)));
  try {
    const outcome = await Promise.race([Promise.resolve().then(check), timeout]);
    const report = typeof outcome === 'object' ? outcome : undefined;
    const failed = outcome === false || report?.ready === false;
    const status = outcome === TIMED_OUT ? 'timeout' : failed ? 'failed' : 'ok';
    if (status !== 'ok') app.log.warn({ check: name, status, detail: report?.detail }, 'readiness check not ok');
    const durationMs = Math.round(performance.now() - startedAt);
    return report === undefined ? { name, status, durationMs } : { name, status, durationMs, detail: report.detail };
  } catch (error) {
    // The reason goes to the log, not the response: /readyz is unauthenticated and errors name hosts.
    app.log.warn({ check: name, err: error }, 'readiness check failed');
    return { name, status: 'failed', durationMs: Math.round(performance.now() - startedAt) };
  } finally {
    clearTimeout(timer);
  }
};

/** /healthz says the process is alive; /readyz runs every registered check in parallel. */
export const registerProbes = (app: FastifyInstance, checkTimeoutMs: number): void => {
  const checks = new Map<string, ReadinessCheck>();
  app.decorate('registerReadinessCheck', (name: string, check: ReadinessCheck) => {
    if (checks.has(name)) throw new Error(`readiness check "${name}" is already registered`);
    checks.set(name, check);
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: { tags: ['ops'], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    () => ({ status: 'ok' as const }),
  );
  typed.get(
    '/readyz',
    {
      config: { rateLimit: false },
      schema: { tags: ['ops'], response: { 200: readinessSchema, 503: readinessSchema } },
    },
    async (_request, reply) => {
      const results = await Promise.all([...checks].map(([name, check]) => runCheck(app, name, check, checkTimeoutMs)));
      const ready = results.every((result) => result.status === 'ok');
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks: results });
    },
  );
};
