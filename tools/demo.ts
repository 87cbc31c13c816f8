// `npm run demo`: against a running `npm start`, connect the simulator's demo account end to end and show it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@zc/testing';
import {
  progressBar,
  progressFromCollection,
  progressFromStatus,
  type BackfillProgress,
} from './system/backfill-progress';
import { HttpStatusError, jsonClient, ServiceUnreachableError } from './system/http-json';
import { completeOAuth } from './system/oauth-flow';
import type { CollectionState } from './system/scenario';
import { adminApi, queryApi, type AdminConnector } from './system/service-clients';
import { simControl } from './system/sim-control';

const root = fileURLToPath(new URL('..', import.meta.url));
const url = (name: string, port: number) => process.env[name] ?? `http://127.0.0.1:${String(port)}`;
const urls = {
  auth: url('AUTH_URL', 8081),
  collector: url('COLLECTOR_URL', 8082),
  projection: url('PROJECTION_URL', 8083),
  sim: url('SIM_URL', 8089),
};
// The account apps/zendesk-sim/src/application/demo.ts seeds on every start of the simulator.
const account = process.env['DEMO_ACCOUNT'] ?? 'demo';
const endpoint = `${account}.zendesk.com`;
const say = (line = '') => process.stdout.write(`${line}\n`);

function adminKey(): string {
  const fromEnv = process.env['ADMIN_BOOTSTRAP_KEY'];
  if (fromEnv) return fromEnv;
  const file = join(root, '.cache', 'run', 'dev-secrets.json');
  if (!existsSync(file)) {
    throw new Error(`No admin key: set ADMIN_BOOTSTRAP_KEY, or run \`npm start\` once so it writes ${file}.`);
  }
  return (JSON.parse(readFileSync(file, 'utf8')) as { adminBootstrapKey: string }).adminBootstrapKey;
}

async function requireRunning(): Promise<void> {
  const probes = [
    ['zendesk-sim', `${urls.sim}/_sim/healthz`],
    ['auth-service', `${urls.auth}/readyz`],
    ['collector-service', `${urls.collector}/readyz`],
    ['projection-service', `${urls.projection}/readyz`],
  ] as const;
  const down: string[] = [];
  for (const [name, probe] of probes) {
    const ok = await fetch(probe, { signal: AbortSignal.timeout(3_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (!ok) down.push(`  ${name.padEnd(19)} ${probe}`);
  }
  if (down.length > 0) {
    throw new Error(
      [
        'The system is not (fully) running; these do not answer as ready:',
        ...down,
        '',
        'Start it with `npm start` in another terminal, wait for "Zendesk connector is running", then run `npm run demo` again.',
      ].join('\n'),
    );
  }
}

/** Reuses a live demo connector, or registers a new one with a fresh OAuth client of the demo account. */
async function connectDemo(key: string): Promise<AdminConnector> {
  const admin = adminApi(urls.auth, key);
  const live = (await admin.list()).find((c) => c.endpoint === endpoint && c.state === 'authorized');
  if (live) {
    say(
      `Reusing connector ${live.id} (${live.name}), already connected as ${live.authorization?.zendeskUser.email ?? '?'}.`,
    );
    return live;
  }
  const sim = simControl(urls.sim);
  const redirect = `${urls.auth}/api/oauth/saga`;
  const client = await sim.createOAuthClient(account, {
    identifier: `demo-cli-${Date.now().toString(36)}`,
    redirectUris: [redirect],
  });
  say(`1. Zendesk OAuth client created on ${endpoint}: ${client.identifier} (redirect URL ${redirect})`);
  const connector = await admin.register({
    name: 'Demo Inc. (Zendesk)',
    clientId: client.identifier,
    clientSecret: client.secret,
    endpoint,
  });
  say(`2. Connector registered: ${connector.id}`);
  const outcome = await completeOAuth(admin, connector.id, { zendeskBaseUrl: urls.sim });
  if (!outcome.ok) throw new Error(`Connecting in Zendesk failed: ${JSON.stringify(outcome.callback)}`);
  const connected = await admin.get(connector.id);
  say(
    `3. Connected in Zendesk as ${connected.authorization?.zendeskUser.email ?? '?'} (${connected.authorization?.zendeskUser.role ?? '?'})`,
  );
  return connected;
}

async function progressOf(id: string, key: string): Promise<BackfillProgress | null> {
  const fromStatus = await queryApi(urls.projection, key)
    .status(id)
    .then(progressFromStatus, () => null);
  const collection = await jsonClient(urls.collector)
    .get<CollectionState>(`/v1/collection/${id}`)
    .then(progressFromCollection, () => null);
  // The ratio as the status view shows it, the ETA only the collector knows (its budget).
  if (fromStatus !== null && fromStatus.ratio !== null) return { ...fromStatus, eta: collection?.eta ?? null };
  return collection ?? fromStatus;
}

async function main(): Promise<void> {
  await requireRunning();
  const key = adminKey();
  const connector = await connectDemo(key);
  const query = queryApi(urls.projection, key);

  say('4. Waiting for the connector to be Connected and the 7-day backfill to finish…');
  const tty = process.stdout.isTTY;
  let last = '';
  await waitFor(
    async () => {
      const progress = await progressOf(connector.id, key);
      const status = await query.status(connector.id).then(
        (s) => s.status,
        () => 'unknown',
      );
      const eta = progress?.eta == null || progress.completed ? '' : `, ETA ${progress.eta.slice(11, 19)} UTC`;
      const line = `   ${progressBar(progress?.ratio ?? null)}  status ${status}${progress?.activities == null ? '' : `, ${String(progress.activities)} activities`}${eta}`;
      if (line !== last) process.stdout.write(tty ? `\r${line}` : `${line}\n`);
      last = line;
      return status === 'Connected' && progress?.completed === true;
    },
    { timeoutMs: 300_000, intervalMs: 500, description: 'Connected with the backfill completed' },
  );
  if (tty) say();

  const status = await query.status(connector.id);
  say();
  say(`Status: ${status.status}${status.message ? ` — ${status.message}` : ''}`);
  const latest = (
    await query.http.get<{
      items: {
        occurredAt: string;
        actor: { name: string; type: string };
        actionLabel?: string;
        action: string;
        description?: string;
      }[];
    }>(`/v1/activities?connector=${connector.id}&limit=10`)
  ).items;
  say(`Latest activities (${String(latest.length)}):`);
  for (const a of latest) {
    say(
      `  ${a.occurredAt}  ${`${a.actor.name} (${a.actor.type})`.padEnd(28)} ${(a.actionLabel ?? a.action).padEnd(24)} ${a.description ?? ''}`,
    );
  }
  say();
  say(`More: GET ${urls.projection}/v1/activities?connector=${connector.id} (Authorization: Bearer <admin key>)`);
}

main().catch((error: unknown) => {
  const message =
    error instanceof ServiceUnreachableError || error instanceof HttpStatusError || error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`\nDemo failed: ${message}\n`);
  process.exit(1);
});
