import { describe, expect, it } from 'vitest';
import { hostInject, seedAccount, simForFile } from './testing/harness';

const sim = simForFile();

describe('incremental users: StartTimeTooRecent', () => {
  it('names the account incrementalMinAgeSeconds in its description', async () => {
    const cases = [
      ['start-default', 60, '1 minute'],
      ['start-short', 30, '30 seconds'],
      ['start-long', 300, '5 minutes'],
    ] as const;
    for (const [subdomain, seconds, wording] of cases) {
      const acct = seedAccount(sim(), subdomain, { incrementalMinAgeSeconds: seconds });
      const startTime = Math.floor(sim().control.now() / 1000) - seconds + 1;
      const res = await hostInject(sim(), subdomain, `/api/v2/incremental/users/cursor.json?start_time=${startTime}`, {
        token: acct.adminToken,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: 'StartTimeTooRecent',
        description: `Too recent start_time. Use a start_time older than ${wording}.`,
      });
    }
  });
});
