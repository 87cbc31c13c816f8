import { describe, expect, it } from 'vitest';
import { auth, authHarnessForFile } from './testing/auth-harness';

const h = authHarnessForFile(import.meta.url);

const register = (subdomain: string, clientId = 'cas', name = 'Dup') =>
  h().runtime.app.inject({
    method: 'POST',
    url: '/v1/connectors',
    headers: auth,
    payload: { name, clientId, clientSecret: 'dup-client-secret-1', endpoint: `${subdomain}.zendesk.com` },
  });

interface Problem {
  status: number;
  code: string;
  detail: string;
  existingConnectorId?: string;
}

describe('one connector per Zendesk account and OAuth client', () => {
  it('refuses a second registration with 409 CONNECTOR_ALREADY_EXISTS naming the first', async () => {
    const first = await register('dupone');
    expect(first.statusCode, first.body).toBe(201);
    const id = first.json<{ id: string }>().id;
    const second = await register('dupone', 'cas', 'Another name');
    expect(second.statusCode, second.body).toBe(409);
    expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = second.json<Problem>();
    expect(problem).toMatchObject({ status: 409, code: 'CONNECTOR_ALREADY_EXISTS', existingConnectorId: id });
    expect(problem.detail).toContain(id);
    const listed = (await h().runtime.app.inject({ method: 'GET', url: '/v1/connectors', headers: auth })).json<{
      items: { subdomain: string }[];
    }>();
    expect(listed.items.filter((item) => item.subdomain === 'dupone')).toHaveLength(1);
  });

  it('accepts other accounts, and another client of the same account', async () => {
    expect((await register('dupother')).statusCode).toBe(201);
    expect((await register('dupother', 'second-client')).statusCode).toBe(201);
  });

  it('lets exactly one of many concurrent registrations of one pair through', async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => register('duprace')));
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const winner = responses.find((response) => response.statusCode === 201)?.json<{ id: string }>().id;
    for (const loser of responses.filter((response) => response.statusCode === 409)) {
      expect(loser.json<Problem>().existingConnectorId).toBe(winner);
    }
  });

  it('allows registering the pair again once its connector is disconnected', async () => {
    const first = (await register('dupagain')).json<{ id: string }>().id;
    const disconnected = await h().runtime.app.inject({
      method: 'DELETE',
      url: `/v1/connectors/${first}`,
      headers: auth,
    });
    expect(disconnected.statusCode, disconnected.body).toBe(200);
    const again = await Promise.all([register('dupagain'), register('dupagain')]);
    expect(again.map((response) => response.statusCode).sort()).toEqual([201, 409]);
  });

  it('moves the claim when credentials move a connector to another client id', async () => {
    const id = (await register('dupmove', 'old-client')).json<{ id: string }>().id;
    const other = (await register('dupmove', 'new-client')).json<{ id: string }>().id;
    const refused = await h().runtime.app.inject({
      method: 'POST',
      url: `/v1/connectors/${id}/credentials`,
      headers: auth,
      payload: { clientId: 'new-client', clientSecret: 'rotated-secret-1' },
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json<Problem>().existingConnectorId).toBe(other);
    const moved = await h().runtime.app.inject({
      method: 'POST',
      url: `/v1/connectors/${other}/credentials`,
      headers: auth,
      payload: { clientId: 'third-client', clientSecret: 'rotated-secret-2' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await register('dupmove', 'new-client')).statusCode).toBe(201);
  });
});
