import { openTokenBundle, type ConnectionCheck } from '@zc/contracts';
import { commandMeta } from './command-meta';
import type { AuthDeps, RequestContext } from './deps';
import { failureOf, type ProviderUser } from './ports/connector-provider';

const skipped = (name: string, message: string): ConnectionCheck => ({
  name,
  ok: false,
  code: 'SKIPPED',
  message,
  durationMs: 0,
});

async function timed(name: string, run: () => Promise<Omit<ConnectionCheck, 'name' | 'durationMs'>>) {
  const started = performance.now();
  const result = await run().catch((error: unknown) => {
    const failure = failureOf(error);
    return {
      ok: false,
      code: failure.reason === 'INVALID_GRANT' ? 'TOKEN_INVALID' : failure.reason,
      message: failure.message,
    };
  });
  return { name, ...result, durationMs: Math.round(performance.now() - started) };
}

/** "Test now": token valid, still admin, audit-log access; each check with its own result and time. */
export async function runConnectionChecks(deps: AuthDeps, connectorId: string): Promise<ConnectionCheck[]> {
  const connector = await deps.repository.load(connectorId);
  if (connector.token === null) {
    return [
      {
        name: 'token_valid',
        ok: false,
        code: 'NOT_AUTHORIZED',
        message: 'The connector is not authorized.',
        durationMs: 0,
      },
      skipped('admin_role', 'Not run: no valid token.'),
      skipped('audit_log_access', 'Not run: no valid token.'),
    ];
  }
  const bundle = openTokenBundle(deps.keyRing, connectorId, connector.token.bundle);
  const { provider } = deps;
  let me: ProviderUser | null = null;
  const token = await timed('token_valid', async () => {
    me = await provider.whoAmI(connector, bundle.accessToken);
    return me.userId === null
      ? { ok: false, code: 'TOKEN_INVALID', message: 'Zendesk did not recognise the token.' }
      : { ok: true, message: 'Zendesk accepts the token.' };
  });
  if (!token.ok || me === null) {
    return [
      token,
      skipped('admin_role', 'Not run: no valid token.'),
      skipped('audit_log_access', 'Not run: no valid token.'),
    ];
  }
  const user: ProviderUser = me;
  const admin = await timed('admin_role', () =>
    Promise.resolve(
      user.admin
        ? { ok: true, message: `${user.email ?? 'The authorizing user'} is still a Zendesk admin.` }
        : { ok: false, code: 'NOT_ADMIN', message: provider.notAdminMessage(user) },
    ),
  );
  const audit = await timed('audit_log_access', async () => {
    await provider.probeAuditAccess(connector, bundle.accessToken);
    return { ok: true, message: 'Audit logs can be read.' };
  });
  return [token, admin, audit];
}

/** Runs the checks and records ConnectionTested; the event id doubles as the test id. */
export async function recordConnectionTest(
  deps: AuthDeps,
  connectorId: string,
  testId: string,
  context: RequestContext,
): Promise<void> {
  const checks = await runConnectionChecks(deps, connectorId);
  await deps.repository.execute(connectorId, {
    type: 'RecordConnectionTest',
    meta: { ...commandMeta(deps, context), eventId: testId },
    checks,
  });
}
