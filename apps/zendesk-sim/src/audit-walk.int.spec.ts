import type { ZendeskClient } from '@zc/zendesk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, clientFor, seedAccount, startSim } from './testing/harness';

const MINUTE = 60_000;
const LAG_MS = 30_000;
const RESCAN_MS = 10 * MINUTE;

let h: Harness;
beforeAll(async () => {
  h = await startSim();
});
afterAll(async () => h.close());

/** One ascending pass over an inclusive window, the way the collector reads. */
async function pass(client: ZendeskClient, from: number, to: number, seen: Map<number, number>): Promise<number> {
  let maxCreated = from;
  for await (const entry of client.auditLogs({
    createdFrom: new Date(from),
    createdTo: new Date(to),
    sort: 'created_at',
  })) {
    seen.set(entry.id, (seen.get(entry.id) ?? 0) + 1);
    maxCreated = Math.max(maxCreated, Date.parse(entry.created_at));
  }
  return maxCreated;
}

describe('walking a week of audit logs', () => {
  it('yields every id exactly once despite same-second bursts and late entries', async () => {
    const acct = seedAccount(h, 'walk', { rateLimitPerMinute: 1_000_000 });
    const start = h.control.now() - 7 * 24 * 60 * MINUTE;
    const seeded = h.control.seed(acct.subdomain, { seed: 7, users: 200, auditPerDay: 2000, days: 7, burstShare: 0.1 });
    expect(seeded.auditEntries).toBe(14_000);
    const client = clientFor(h, acct.subdomain, acct.adminToken);

    const collected = new Set<number>();
    const delivered: number[] = [];
    let rawYields = 0;
    let checkpoint = start;
    for (let step = 0; step < 12; step += 1) {
      const now = h.control.now();
      const end = now - LAG_MS;
      const seen = new Map<number, number>();
      // Inclusive start at the checkpoint second, plus a trailing re-scan for late arrivals.
      const rescanFrom = Math.min(checkpoint, end - RESCAN_MS);
      checkpoint = Math.floor((await pass(client, rescanFrom, end, seen)) / 1000) * 1000;
      for (const [id, n] of seen) {
        rawYields += n;
        if (!collected.has(id)) delivered.push(id);
        collected.add(id);
      }
      // Activity while the collector sleeps: a burst in one second, and entries written late.
      h.control.addAuditBurst(acct.subdomain, { count: 25 });
      h.control.addAuditEntries(acct.subdomain, {
        entries: Array.from({ length: 5 }, (_, i) => ({
          createdAt: now - 2 * MINUTE + i * 1000,
          action: 'login' as const,
        })),
        visibleAfterMs: 90_000,
      });
      h.clock.advance(5 * MINUTE);
    }
    // A last pass once every late entry is visible.
    h.clock.advance(5 * MINUTE);
    const final = new Map<number, number>();
    await pass(client, Math.min(checkpoint, h.control.now() - LAG_MS - RESCAN_MS), h.control.now() - LAG_MS, final);
    for (const id of final.keys()) {
      if (!collected.has(id)) delivered.push(id);
      collected.add(id);
    }

    const truth = new Set<number>();
    for await (const e of client.auditLogs({ createdFrom: new Date(start - MINUTE), sort: 'created_at' }))
      truth.add(e.id);
    expect(truth.size).toBe(14_000 + 12 * 30);
    expect([...truth].filter((id) => !collected.has(id))).toEqual([]);
    expect(collected.size).toBe(truth.size);
    // Boundaries and re-scans repeat ids; dedupe by id delivers each exactly once.
    expect(rawYields).toBeGreaterThan(truth.size);
    expect(delivered.length).toBe(truth.size);
  });
});
