import type { SimControl } from './control';

export const DEMO_ACCOUNT = 'demo';
export const DEMO_CLIENT_ID = 'microsoft_cloud_app_security';
export const DEMO_REDIRECT_URIS = [
  'http://127.0.0.1:8081/api/oauth/saga',
  'http://localhost:8081/api/oauth/saga',
  'https://portal.cloudappsecurity.com/api/oauth/saga',
];

/** A demo Enterprise account: an owner admin, agents, 8 days of history and an OAuth client. */
export function seedDemo(control: SimControl): { identifier: string; secret: string; adminEmail: string } {
  control.createAccount({ subdomain: DEMO_ACCOUNT, name: 'Demo Inc.', plan: 'enterprise', tokenMode: 'expiring' });
  const admin = control.addUser(DEMO_ACCOUNT, { name: 'Ada Admin', email: 'ada@demo.example.com', role: 'admin' });
  control.addUser(DEMO_ACCOUNT, { name: 'Aaron Agent', email: 'aaron@demo.example.com', role: 'agent' });
  control.seed(DEMO_ACCOUNT, { seed: 42, users: 60, auditPerDay: 300, days: 8 });
  const client = control.createOAuthClient(DEMO_ACCOUNT, {
    identifier: DEMO_CLIENT_ID,
    name: 'Cloud App Security',
    redirectUris: DEMO_REDIRECT_URIS,
    userId: admin.id,
  });
  return { identifier: client.identifier, secret: client.secret, adminEmail: admin.email };
}

/** Ongoing activity so a live collector always has something new to fetch. */
export function startActivity(control: SimControl, intervalMs: number): () => void {
  let tick = 0;
  const timer = setInterval(() => {
    tick += 1;
    control.addAuditEntries(DEMO_ACCOUNT, {
      entries: [
        { action: 'login', sourceType: 'user', sourceLabel: 'Ada Admin' },
        ...(tick % 3 === 0 ? [{ system: true, sourceType: 'account_setting', changeDescription: 'Changed' }] : []),
      ],
    });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
