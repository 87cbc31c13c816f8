import { NotFoundError } from '@zc/errors';
import { LagReport } from '@zc/lag-monitor';
import type { FastifyPluginCallback } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export interface LagRoutesOptions {
  /** A LagSampler, or anything that hands out its latest report. */
  sampler: { report(group?: string): LagReport };
}

export const LagQuery = z.object({
  group: z.string().min(1).optional().describe('Only this consumer group'),
});

/**
 * `GET /v1/lag`: the sampler's latest LagReport (what `npm run lag` prints). Sets the zod compilers in
 * its own encapsulated context, so it works in any Fastify instance, not only one from @zc/http.
 */
export const lagRoutes: FastifyPluginCallback<LagRoutesOptions> = (app, { sampler }, done) => {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/lag',
    {
      schema: {
        tags: ['ops'],
        summary: 'Consumer group lag and Burrow status per partition',
        querystring: LagQuery,
        response: { 200: LagReport },
      },
    },
    (request) => {
      const { group } = request.query;
      const report = sampler.report(group);
      // A group that never committed has nothing to report; Burrow calls that NOTFOUND.
      if (group !== undefined && report.groups.length === 0) {
        throw new NotFoundError(`Consumer group ${group} has no committed offsets the sampler has seen.`);
      }
      return Promise.resolve(report);
    },
  );
  done();
};
