import { describe, expect, it } from 'vitest';
import { hostInject, seedAccount, simForFile } from './testing/harness';

const sim = simForFile();

describe('injected faults', () => {
  it('text and html bodies carry the reason phrase of their own status', async () => {
    const acct = seedAccount(sim(), 'faults-reason');
    const cases = [
      [500, 'html', 'text/html', '<html><body>Internal Server Error</body></html>'],
      [502, 'text', 'text/plain', 'Bad Gateway'],
      [503, 'text', 'text/plain', 'Service Unavailable'],
      [504, 'html', 'text/html', '<html><body>Gateway Timeout</body></html>'],
    ] as const;
    for (const [status, body, type, text] of cases) {
      sim().control.failNext(acct.subdomain, { status, body });
      const res = await hostInject(sim(), acct.subdomain, '/api/v2/users/me.json', { token: acct.adminToken });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain(type);
      expect(res.body).toBe(text);
    }
  });
});
