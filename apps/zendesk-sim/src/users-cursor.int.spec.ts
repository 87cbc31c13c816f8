import { describe, expect, it } from 'vitest';
import { hostInject, seedAccount, simForFile } from './testing/harness';

interface UsersPage {
  users: { id: number }[];
  meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
  links: { next: string | null; prev: string | null };
}

const sim = simForFile();

const pathOf = (link: string) => link.replace(/^https:\/\/[^/]+/, '');

describe('GET /api/v2/users cursor pages', () => {
  it('walks back with page[before] to the same pages it walked forward', async () => {
    const h = sim();
    const acct = seedAccount(h, 'users-before');
    h.control.seed(acct.subdomain, { users: 48, auditPerDay: 0 });
    const get = async (path: string) => {
      const res = await hostInject(h, acct.subdomain, path, { token: acct.adminToken });
      expect(res.statusCode).toBe(200);
      return res.json<UsersPage>();
    };
    const forward: UsersPage[] = [await get('/api/v2/users.json?page%5Bsize%5D=20')];
    for (let page = forward[0]; page?.meta.has_more && page.links.next; page = forward.at(-1)) {
      forward.push(await get(pathOf(page.links.next)));
    }
    expect(forward.map((p) => p.users.length)).toEqual([20, 20, 10]);

    const backward: UsersPage[] = [];
    let link = forward.at(-1)?.links.prev ?? null;
    for (let more = true; more && link; link = backward.at(-1)?.links.prev ?? null) {
      const page = await get(pathOf(link));
      backward.push(page);
      more = page.meta.has_more;
    }
    const ids = (p: UsersPage) => p.users.map((u) => u.id);
    expect(backward.map(ids)).toEqual([ids(forward[1] as UsersPage), ids(forward[0] as UsersPage)]);
    expect(backward.at(-1)?.meta.has_more).toBe(false);
    expect(backward[0]?.links.next).toContain('page%5Bafter%5D=');
  });

  it('refuses a malformed page[before] cursor', async () => {
    const h = sim();
    const acct = seedAccount(h, 'users-bad-before');
    const res = await hostInject(h, acct.subdomain, '/api/v2/users.json?page%5Bbefore%5D=%21%21', {
      token: acct.adminToken,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'InvalidPaginationParameter' });
  });
});
