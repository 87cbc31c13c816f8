import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createApiKeyStore } from '@zc/api-keys';
import { connectMongo } from '@zc/mongo';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clientsOf } from '../system/scenario';
import { provisionAccount, type ProvisionedAccount } from '../system/sim-control';
import { ALL_SERVICE_NAMES } from '../system/system-config';
import { startSystem, type System } from '../system/system';
import {
  API_DOCUMENTS,
  apiTypesSource,
  fetchOpenApi,
  generatedTypesPath,
} from '../../apps/admin-console/src/api/openapi-types';
import { CHROMIUM, launchChromium, screenshot, seriousViolations } from '../../apps/admin-console/src/testing/browser';

const hasChromium = existsSync(CHROMIUM);

describe.skipIf(!hasChromium)(`admin console in Chromium (needs ${CHROMIUM}: apt-get install -y chromium)`, () => {
  let system: System;
  let browser: Browser;
  let consoleUrl: string;
  let readOnlyKey: string;
  const cspErrors: string[] = [];

  beforeAll(async () => {
    system = await startSystem({
      infra: { kafkaBrokers: inject('kafkaBrokers'), mongoUri: inject('mongoUri') },
      fileUrl: import.meta.url,
      services: ALL_SERVICE_NAMES,
    });
    consoleUrl = system.urls['admin-console'];
    const mongo = await connectMongo({
      uri: inject('mongoUri'),
      dbName: system.identity.databases.keys,
      appName: 'console-e2e',
    });
    try {
      const scopes = ['connectors:read' as const, 'activities:read' as const];
      readOnlyKey = (await createApiKeyStore(mongo.db).create({ name: 'read-only', scopes })).presented;
    } finally {
      await mongo.close();
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.shutdown();
  });

  const newPage = async (): Promise<Page> => {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    return page;
  };

  /** Every page the tests visit: no serious or critical axe violation, and a screenshot for the README. */
  const check = async (page: Page, name: string) => {
    expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
    await screenshot(page, name);
  };

  /** Each Test now check as `name:state` (pending or done), as the page shows it now. */
  const checkStates = async (page: Page) =>
    Promise.all(
      (await page.locator('[data-check]').all()).map(
        async (item) =>
          `${(await item.getAttribute('data-check')) ?? ''}:${(await item.getAttribute('data-state')) ?? ''}`,
      ),
    );

  const signIn = async (page: Page, key: string) => {
    await page.goto(`${consoleUrl}/connectors`);
    await page.waitForURL(/\/sign-in/);
    await page.fill('#apiKey', key);
    await Promise.all([page.waitForURL(/\/connectors$/), page.click('button[type=submit]')]);
  };

  const provision = (suffix: string): Promise<ProvisionedAccount> =>
    provisionAccount(clientsOf(system).sim, `console-${suffix}-${system.identity.id.slice(-6)}`, {
      redirectUri: `${system.urls['auth-service']}/api/oauth/saga`,
      auditPerDay: 12,
      days: 8,
      users: 6,
    });

  it('the committed API types match the services’ OpenAPI documents', async () => {
    for (const service of API_DOCUMENTS) {
      const document = await fetchOpenApi(system.urls[service], system.adminKey);
      const committed = readFileSync(generatedTypesPath(service), 'utf8');
      expect(
        await apiTypesSource(service, document),
        `${service} changed its API: run apps/admin-console/src/cli/update-api-types.ts`,
      ).toBe(committed);
    }
  });

  it('an admin signs in, adds a connector, connects it, tests it, reads the log, exports it and disconnects', async () => {
    const clients = clientsOf(system);
    const account = await provision('main');
    const page = await newPage();

    await page.goto(`${consoleUrl}/connectors`);
    await page.waitForURL(/\/sign-in/);
    await check(page, 'sign-in');
    await signIn(page, system.adminKey);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'zc_console_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.content()).not.toContain(system.adminKey);

    // A bad endpoint: the API's field error is shown next to the field and nothing is created.
    await page.click('text=+ Zendesk');
    await page.fill('#name', 'Acme support');
    await page.fill('#clientId', account.clientId);
    await page.fill('#clientSecret', account.clientSecret);
    await page.fill('#endpoint', 'acme.example.com');
    await page.click('form[action="/connectors"] button[type=submit]');
    await expect.poll(() => page.textContent('#endpoint-error')).toContain('zendesk.com');
    expect(await page.content()).not.toContain(account.clientSecret);
    expect(await clients.admin.list()).toEqual([]);
    await check(page, 'add-connector-error');

    await page.fill('#clientSecret', account.clientSecret);
    await page.fill('#endpoint', account.endpoint);
    await Promise.all([
      page.waitForURL(/\/connectors\/[0-9a-f-]{36}\?created=1/),
      page.click('form[action="/connectors"] button[type=submit]'),
    ]);
    const connectorId = /\/connectors\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(await page.content()).not.toContain(account.clientSecret);
    await check(page, 'connector-registered');

    // Connect in Zendesk: the simulator's consent page, Allow, and back on the connector page.
    await Promise.all([page.waitForURL(/zendesk\.localhost/), page.click('button:has-text("Connect in Zendesk")')]);
    await Promise.all([page.waitForURL(/outcome=CONNECTED/), page.click('button[value="allow"]')]);
    await expect.poll(() => page.textContent('#outcome-title')).toContain('Zendesk connected');

    // Slow Zendesk answers (2.5 s each) make every check's completion observable on its own: the page
    // shows each check turning from pending to its result, updated in place (the page is not reloaded).
    await clients.sim.setLatency(account.subdomain, 2_500);
    await Promise.all([page.waitForURL(/\?test=/), page.click('button:has-text("Test now")')]);
    await page.evaluate(() => Object.assign(globalThis, { notReloaded: true }));
    const running = ['token_valid:done', 'admin_role:done', 'audit_log_access:pending'];
    await expect.poll(() => checkStates(page), { timeout: 30_000, interval: 100 }).toEqual(running);
    expect(await page.textContent('[data-test-status]')).toContain('Test running');
    await screenshot(page, 'connector-test-running');

    const done = ['token_valid:done', 'admin_role:done', 'audit_log_access:done'];
    await expect.poll(() => checkStates(page), { timeout: 30_000, interval: 100 }).toEqual(done);
    expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // Without scripts: Test now lands on the running test's page, which reloads itself (a noscript meta
    // refresh) until every check is in.
    const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await noScript.context().addCookies(await page.context().cookies());
    await noScript.goto(`${consoleUrl}/connectors/${connectorId}`);
    await Promise.all([noScript.waitForURL(/\?test=/), noScript.click('button:has-text("Test now")')]);
    expect(await noScript.locator('noscript').innerHTML()).toContain('http-equiv="refresh"');
    await expect.poll(() => checkStates(noScript)).toContain('audit_log_access:pending');
    await expect.poll(() => checkStates(noScript), { timeout: 30_000 }).toEqual(done);
    await noScript.context().close();
    await clients.sim.setLatency(account.subdomain, 0);
    const view = await clients.admin.get(connectorId);
    expect(view.lastTest?.ok).toBe(true);
    for (const check of view.lastTest?.checks ?? []) {
      expect(await page.textContent('.checks')).toContain(check.name);
    }

    await expect
      .poll(() => page.textContent('[data-live="status"]'), { timeout: 90_000, interval: 500 })
      .toMatch(/Connected[\s\S]*100 %/);
    expect(await page.textContent('[data-testid="backfill"]')).toBe('100 %');
    await check(page, 'connector');

    await page.goto(`${consoleUrl}/connectors`);
    expect(await page.textContent('table')).toContain('Connected');
    // Budget use as the collector's heartbeat reports it, in words (the live region keeps it current).
    await expect
      .poll(() => page.textContent('[data-testid="budget"]'), { timeout: 30_000 })
      .toMatch(/\d+ % used: \d+ of 200 requests in the last \d+ s/);
    await check(page, 'connected-apps');

    // Activity log by actor and by time range, against the projection's own answer.
    const all = await clients.query.activities({ connectorId });
    expect(all.length).toBeGreaterThan(5);
    const actor = all.find((a) => a.actor.type === 'user') ?? all[0];
    await page.goto(`${consoleUrl}/activities?connector=${connectorId}`);
    await page.fill('#actorId', String(actor?.actor.id));
    await Promise.all([page.waitForURL(/actorId=/), page.click('button:has-text("Apply filters")')]);
    const byActor = all.filter((a) => a.actor.id === actor?.actor.id).length;
    await expect.poll(() => page.locator('tbody tr').count()).toBe(Math.min(byActor, 50));
    await check(page, 'activity-log');

    const times = all.map((a) => a.occurredAt).sort();
    const from = (times[Math.floor(times.length / 4)] ?? '').slice(0, 16);
    const to = (times[Math.floor((times.length * 3) / 4)] ?? '').slice(0, 16);
    await page.goto(`${consoleUrl}/activities?connector=${connectorId}`);
    await page.fill('#from', from);
    await page.fill('#to', to);
    await Promise.all([page.waitForURL(/from=/), page.click('button:has-text("Apply filters")')]);
    const inRange = all.filter((a) => a.occurredAt >= `${from}:00` && a.occurredAt < `${to}:00`).length;
    await expect.poll(() => page.locator('tbody tr').count()).toBe(Math.min(inRange, 50));

    const [ndjson] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("NDJSON")')]);
    const lines = (await readFile(await ndjson.path(), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(inRange);
    for (const line of lines)
      expect((JSON.parse(line) as { connectorIds: string[] }).connectorIds).toContain(connectorId);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("CSV")')]);
    const rows = (await readFile(await csv.path(), 'utf8')).trim().split('\n');
    expect(rows[0]).toMatch(/^occurredAt,account,actorType/);
    expect(rows.length).toBeGreaterThanOrEqual(inRange + 1);

    await page.click('tbody tr >> text=Details');
    await page.waitForURL(/\/activities\/zd/);
    await check(page, 'activity-detail');

    await page.goto(`${consoleUrl}/users?connector=${connectorId}`);
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    await check(page, 'users');
    await page.goto(`${consoleUrl}/operations`);
    await check(page, 'operations');

    await page.goto(`${consoleUrl}/connectors/${connectorId}`);
    await page.click('a:has-text("Disconnect…")');
    await check(page, 'disconnect-confirmation');
    await Promise.all([
      page.waitForURL(/done=disconnected/),
      page.click('button:has-text("Disconnect and revoke the token")'),
    ]);
    expect(await page.textContent('.notice')).toContain('revoked');
    expect((await clients.admin.get(connectorId)).state).toBe('disconnected');
    expect(cspErrors).toEqual([]);
  });

  it('a non-admin’s consent ends on the NOT_ADMIN explanation', async () => {
    const clients = clientsOf(system);
    const account = await provision('agent');
    await clients.sim.updateAccount(account.subdomain, { loggedInUserId: account.agent.id });
    const connector = await clients.admin.register({
      name: 'Agent-consented',
      clientId: account.clientId,
      clientSecret: account.clientSecret,
      endpoint: account.endpoint,
    });
    const page = await newPage();
    await signIn(page, system.adminKey);
    await page.goto(`${consoleUrl}/connectors/${connector.id}`);
    await Promise.all([page.waitForURL(/zendesk\.localhost/), page.click('button:has-text("Connect in Zendesk")')]);
    await Promise.all([page.waitForURL(/outcome=NOT_ADMIN/), page.click('button[value="allow"]')]);
    expect(await page.textContent('#outcome-title')).toContain('not an admin');
    expect(await page.textContent('.outcome')).toContain('Sign in to Zendesk as an admin');
    await check(page, 'connect-not-admin');
  });

  it('a read-only key sees no write control and the console refuses its writes', async () => {
    const connector = (await clientsOf(system).admin.list())[0];
    const page = await newPage();
    await signIn(page, readOnlyKey);
    expect(await page.locator('text=+ Zendesk').count()).toBe(0);
    expect(await page.textContent('header')).toContain('Read-only key');
    await page.goto(`${consoleUrl}/connectors/${connector?.id ?? ''}`);
    expect(await page.locator('button:has-text("Connect in Zendesk")').count()).toBe(0);
    expect(await page.locator('button:has-text("Test now")').count()).toBe(0);
    await check(page, 'read-only');
    const csrf = await page.inputValue('form[action="/sign-out"] input[name=_csrf]');
    const answer = await page.request.post(`${consoleUrl}/connectors/${connector?.id ?? ''}/test`, {
      form: { _csrf: csrf },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(403);
    expect(await answer.text()).toContain('read-only');
    const noToken = await page.request.post(`${consoleUrl}/connectors/${connector?.id ?? ''}/test`, {
      maxRedirects: 0,
    });
    expect(noToken.status()).toBe(403);
  });
});
