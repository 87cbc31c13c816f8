import { apiKeyAuth, requireScopes } from '@zc/http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getConnectionTest, startConnectionTest } from '../application/connection-test';
import { connectorUseCases } from '../application/connectors';
import type { AuthDeps } from '../application/deps';
import type { BackgroundTasks } from './background-tasks';
import { contextOf } from './request-context';
import {
  AuthorizeResponse,
  ConnectionTestSchema,
  ConnectorParams,
  ConnectorViewSchema,
  CredentialsBody,
  PatchBody,
  RecollectBody,
  RegisterBody,
  TestAccepted,
  TestParams,
} from './schemas';

const READ = requireScopes('connectors:read');
const WRITE = requireScopes('connectors:write');
const security = [{ bearerApiKey: [] }, { headerApiKey: [] }];
const tags = ['connectors'];

/** The admin API of design §6; every route needs an API key, reads and writes their own scope. */
export function connectorRoutes(deps: AuthDeps, background: BackgroundTasks): FastifyPluginAsyncZod {
  const connectors = connectorUseCases(deps);
  return async (app) => {
    await app.register(apiKeyAuth({ verify: (presented) => deps.apiKeys.verify(presented) }));

    app.post(
      '/v1/connectors',
      { preHandler: WRITE, schema: { tags, security, body: RegisterBody, response: { 201: ConnectorViewSchema } } },
      async (request, reply) => reply.code(201).send(await connectors.register(request.body, contextOf(request))),
    );

    app.get(
      '/v1/connectors',
      {
        preHandler: READ,
        schema: { tags, security, response: { 200: z.object({ items: z.array(ConnectorViewSchema) }) } },
      },
      async () => ({ items: await connectors.list() }),
    );

    app.get(
      '/v1/connectors/:id',
      { preHandler: READ, schema: { tags, security, params: ConnectorParams, response: { 200: ConnectorViewSchema } } },
      async (request) => connectors.get(request.params.id),
    );

    app.patch(
      '/v1/connectors/:id',
      {
        preHandler: WRITE,
        schema: { tags, security, params: ConnectorParams, body: PatchBody, response: { 200: ConnectorViewSchema } },
      },
      async (request) => connectors.update(request.params.id, request.body, contextOf(request)),
    );

    app.delete(
      '/v1/connectors/:id',
      {
        preHandler: WRITE,
        schema: { tags, security, params: ConnectorParams, response: { 200: ConnectorViewSchema } },
      },
      async (request) => connectors.disconnect(request.params.id, contextOf(request)),
    );

    app.post(
      '/v1/connectors/:id/authorize',
      { preHandler: WRITE, schema: { tags, security, params: ConnectorParams, response: { 200: AuthorizeResponse } } },
      async (request) => connectors.startAuthorization(request.params.id, contextOf(request)),
    );

    app.post(
      '/v1/connectors/:id/test',
      { preHandler: WRITE, schema: { tags, security, params: ConnectorParams, response: { 202: TestAccepted } } },
      async (request, reply) => {
        await connectors.get(request.params.id);
        const testId = deps.newId();
        const test = await startConnectionTest(deps, request.params.id, testId, contextOf(request));
        background.run(`connection test ${testId}`, test.finish());
        return reply.code(202).send({
          testId,
          status: 'running' as const,
          nextStep: `GET /v1/connectors/${request.params.id}/tests/${testId} shows each check as it completes; the connector's lastTest the result once all are done.`,
        });
      },
    );

    app.get(
      '/v1/connectors/:id/tests/:testId',
      {
        preHandler: READ,
        schema: { tags, security, params: TestParams, response: { 200: ConnectionTestSchema } },
      },
      async (request) => getConnectionTest(deps, request.params.id, request.params.testId),
    );

    app.post(
      '/v1/connectors/:id/credentials',
      {
        preHandler: WRITE,
        schema: {
          tags,
          security,
          params: ConnectorParams,
          body: CredentialsBody,
          response: { 200: ConnectorViewSchema },
        },
      },
      async (request) => connectors.rotateCredentials(request.params.id, request.body, contextOf(request)),
    );

    app.post(
      '/v1/connectors/:id/recollect',
      {
        preHandler: WRITE,
        schema: {
          tags,
          security,
          params: ConnectorParams,
          body: RecollectBody,
          response: { 202: ConnectorViewSchema },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await connectors.requestRecollection(request.params.id, request.body, contextOf(request))),
    );
  };
}
