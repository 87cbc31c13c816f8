import { describe, expect, it } from 'vitest';
import { hostInject, seedAccount, simForFile } from './testing/harness';

interface TimePage {
  users: { id: number; updated_at: string }[];
  count: number;
  next_page: string | null;
  end_time: number;
  end_of_stream: boolean;
}

const sim = simForFile();
const pathOf = (link: string) => link.replace(/^https:\/\/[^/]+/, '');
const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('GET /api/v2/incremental/users.json (time-based export)', () => {
  it('pages from start_time to end_of_stream, each page resuming at the previous end_time', async () => {
    const h = sim();
    const acct = seedAccount(h, 'time-walk');
    h.control.seed(acct.subdomain, { users: 40, auditPerDay: 0 });
    const get = async (path: string) => {
      const res = await hostInject(h, acct.subdomain, path, { token: acct.adminToken });
      expect(res.statusCode).toBe(200);
      return res.json<TimePage>();
    };
    const pages = [await get('/api/v2/incremental/users.json?start_time=0&per_page=10')];
    for (let page = pages[0]; page && !page.end_of_stream && page.next_page; page = pages.at(-1)) {
      pages.push(await get(pathOf(page.next_page)));
    }
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page.count).toBe(page.users.length);
      expect(page.end_time).toBe(Math.max(...page.users.map((u) => seconds(u.updated_at))));
      expect(page.next_page).toContain(`start_time=${page.end_time}`);
    }
    expect(pages.slice(0, -1).every((page) => !page.end_of_stream)).toBe(true);
    // The last page still says where the next poll resumes.
    expect(pages.at(-1)?.next_page).toContain('/api/v2/incremental/users.json?start_time=');

    const everyone = (await get('/api/v2/incremental/users.json?start_time=0')).users.map((u) => u.id);
    const walked = new Set(pages.flatMap((page) => page.users.map((u) => u.id)));
    expect([...walked].sort()).toEqual([...new Set(everyone)].sort());
  });

  it('never splits a second across pages, so boundary users are never lost', async () => {
    const h = sim();
    const acct = seedAccount(h, 'time-same-second');
    for (let n = 0; n < 5; n += 1) h.control.addUser(acct.subdomain, { name: `U${n}`, email: `u${n}@same.test` });
    const res = await hostInject(h, acct.subdomain, '/api/v2/incremental/users.json?start_time=0&per_page=2', {
      token: acct.adminToken,
    });
    const page = res.json<TimePage>();
    expect(page.count).toBe(7);
    expect(page.end_of_stream).toBe(true);
  });

  it('refuses a start_time that is too recent, as the cursor export does', async () => {
    const h = sim();
    const acct = seedAccount(h, 'time-too-recent');
    const recent = Math.floor(h.control.now() / 1000) - 10;
    const res = await hostInject(h, acct.subdomain, `/api/v2/incremental/users.json?start_time=${recent}`, {
      token: acct.adminToken,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'StartTimeTooRecent' });
    const missing = await hostInject(h, acct.subdomain, '/api/v2/incremental/users.json', { token: acct.adminToken });
    expect(missing.statusCode).toBe(400);
  });

  it('shares the 10/minute incremental-exports bucket with the cursor export', async () => {
    const h = sim();
    const acct = seedAccount(h, 'time-bucket');
    const call = (path: string) => hostInject(h, acct.subdomain, path, { token: acct.adminToken });
    for (let n = 0; n < 5; n += 1) {
      const res = await call('/api/v2/incremental/users.json?start_time=0');
      expect(res.headers['zendesk-ratelimit-incremental-exports']).toMatch(/total=10; remaining=\d+; resets=\d+/);
    }
    for (let n = 0; n < 5; n += 1)
      expect((await call('/api/v2/incremental/users/cursor.json?start_time=0')).statusCode).toBe(200);
    const limited = await call('/api/v2/incremental/users.json?start_time=0');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ error: 'APIRateLimitExceeded' });
  });
});
