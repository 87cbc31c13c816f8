import { describe, expect, it } from 'vitest';
import { buildConsoleApp } from './app';
import { connectorsPage } from './pages/connectors';

// Nothing listens on port 9 (discard): no page here reaches a service.
const options = {
  services: { auth: 'http://127.0.0.1:9', projection: 'http://127.0.0.1:9' },
  redirectUrl: 'http://127.0.0.1:9/api/oauth/saga',
  zendeskOrigins: ['https://*.zendesk.com'],
  idleTtlMs: 60_000,
  maxAgeMs: 3_600_000,
  cookieSecure: false,
  trustProxy: false,
  pollIntervalMs: 1_000,
  now: () => new Date('2026-12-01T12:00:00Z'),
  logger: { level: 'silent' as const },
};

describe('console security', () => {
  it('serves pages with a CSP without unsafe-inline and sends anyone signed out to sign in', async () => {
    const app = await buildConsoleApp(options);
    const page = await app.inject({ method: 'GET', url: '/connectors' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?next=%2Fconnectors');
    const signIn = await app.inject({ method: 'GET', url: '/sign-in' });
    const csp = String(signIn.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("form-action 'self' https://*.zendesk.com");
    expect(csp).not.toContain('unsafe-inline');
    expect(signIn.headers['cache-control']).toBe('no-store');
    const cookie = String(signIn.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    await app.close();
  });

  it('refuses a form post without the page’s CSRF token', async () => {
    const app = await buildConsoleApp(options);
    const signIn = await app.inject({ method: 'GET', url: '/sign-in' });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const post = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'apiKey=zck_x_y',
    });
    expect(post.statusCode).toBe(403);
    await app.close();
  });

  it('escapes what the services return', () => {
    const html = connectorsPage({ csrfToken: 't', abilities: null, section: 'connectors', pollIntervalMs: 0 }, [
      {
        admin: {
          id: 'c1',
          name: '<script>alert(1)</script>',
          endpoint: 'x.zendesk.com',
          state: 'registered',
          rateLimitPerMinute: 200,
          nextStep: 'Connect',
          authorization: null,
        } as never,
        status: undefined,
      },
    ]);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;');
  });
});
