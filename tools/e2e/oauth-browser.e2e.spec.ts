import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clientsOf, registerNewAccount } from '../system/scenario';
import { startSystem, type System } from '../system/system';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const artifacts = fileURLToPath(new URL('../../test-artifacts', import.meta.url));

// The OAuth flow as a person does it: a real browser on the consent page, clicking Allow.
describe.skipIf(!hasChromium)(
  `OAuth in a browser (needs ${CHROMIUM}; install with: apt-get install -y chromium)`,
  () => {
    let system: System;
    let browser: Browser;

    beforeAll(async () => {
      system = await startSystem({
        infra: { kafkaBrokers: inject('kafkaBrokers'), mongoUri: inject('mongoUri') },
        fileUrl: import.meta.url,
        // The flow involves only the simulator and the auth service.
        services: ['zendesk-sim', 'auth-service'],
      });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    });

    afterAll(async () => {
      await browser?.close();
      await system?.shutdown();
    });

    it('a Zendesk admin clicks Allow and lands on the success page', async () => {
      const clients = clientsOf(system);
      const { account, connector } = await registerNewAccount(system, `e2e-browser-${system.identity.id.slice(-6)}`, {
        auditPerDay: 5,
      });
      const { browserUrl } = await clients.admin.authorize(connector.id);
      // <account>.zendesk.localhost resolves to loopback in the browser and names the account for the simulator.
      expect(new URL(browserUrl).hostname).toBe(`${account.subdomain}.zendesk.localhost`);

      const page = await browser.newPage();
      await page.goto(browserUrl);
      await expect.poll(() => page.textContent('h1')).toContain('would like to access your Zendesk account');
      expect(await page.textContent('body')).toContain('Ada Admin (admin)');
      await Promise.all([page.waitForURL(/\/api\/oauth\/saga/), page.click('button[value="allow"]')]);
      await expect.poll(() => page.textContent('h1')).toContain('Zendesk connected');
      const body = (await page.textContent('body')) ?? '';
      expect(body).not.toContain(account.clientSecret);
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'oauth-success.png'), fullPage: true });

      const view = await clients.admin.get(connector.id);
      expect(view.state).toBe('authorized');
      expect(view.authorization?.zendeskUser.email).toBe(account.admin.email);
    });
  },
);
