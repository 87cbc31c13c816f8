import { openTokenBundle, type ConnectionCheck } from '@zc/contracts';
import { NotFoundError } from '@zc/errors';
import {
  completedRun,
  runStatus,
  startedRun,
  withCheck,
  type ConnectionTestRun,
  type TestRunStatus,
} from '../domain/connection-test-run';
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

/** Told each check's result as soon as it is known. */
type OnCheck = (check: ConnectionCheck) => Promise<void>;

/** "Test now": token valid, still admin, audit-log access; each check with its own result and time. */
export async function runConnectionChecks(
  deps: AuthDeps,
  connectorId: string,
  onCheck: OnCheck = () => Promise.resolve(),
): Promise<ConnectionCheck[]> {
  const checks: ConnectionCheck[] = [];
  const report = async (...done: ConnectionCheck[]) => {
    for (const check of done) {
      checks.push(check);
      await onCheck(check);
    }
    return checks;
  };
  const connector = await deps.repository.load(connectorId);
  if (connector.token === null) {
    return report(
      {
        name: 'token_valid',
        ok: false,
        code: 'NOT_AUTHORIZED',
        message: 'The connector is not authorized.',
        durationMs: 0,
      },
      skipped('admin_role', 'Not run: no valid token.'),
      skipped('audit_log_access', 'Not run: no valid token.'),
    );
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
    return report(
      token,
      skipped('admin_role', 'Not run: no valid token.'),
      skipped('audit_log_access', 'Not run: no valid token.'),
    );
  }
  await report(token);
  const user: ProviderUser = me;
  const admin = await timed('admin_role', () =>
    Promise.resolve(
      user.admin
        ? { ok: true, message: `${user.email ?? 'The authorizing user'} is still a Zendesk admin.` }
        : { ok: false, code: 'NOT_ADMIN', message: provider.notAdminMessage(user) },
    ),
  );
  await report(admin);
  const audit = await timed('audit_log_access', async () => {
    await provider.probeAuditAccess(connector, bundle.accessToken);
    return { ok: true, message: 'Audit logs can be read.' };
  });
  return report(audit);
}

/**
 * Starts a Test now: its run is saved with every check pending before this returns (so it can be read at
 * once), and `finish` runs the checks, saving each result as it completes, then records ConnectionTested
 * (the event id doubles as the test id) and marks the run completed.
 */
export async function startConnectionTest(
  deps: AuthDeps,
  connectorId: string,
  testId: string,
  context: RequestContext,
): Promise<{ finish: () => Promise<void> }> {
  let run = startedRun(testId, connectorId, deps.now());
  await deps.testRuns.save(run);
  const finish = async () => {
    const checks = await runConnectionChecks(deps, connectorId, async (check) => {
      run = withCheck(run, check);
      await deps.testRuns.save(run);
    });
    await deps.repository.execute(connectorId, {
      type: 'RecordConnectionTest',
      meta: { ...commandMeta(deps, context), eventId: testId },
      checks,
    });
    await deps.testRuns.save(completedRun(run, deps.now()));
  };
  return { finish };
}

export type ConnectionTestView = ConnectionTestRun & { status: TestRunStatus; ok: boolean | null };

/** A Test now of this connector by its id, with its checks as far as they have run. */
export async function getConnectionTest(
  deps: AuthDeps,
  connectorId: string,
  testId: string,
): Promise<ConnectionTestView> {
  const run = await deps.testRuns.find(testId);
  if (run?.connectorId !== connectorId) {
    throw new NotFoundError('No Test now with this id for this connector.', { code: 'TEST_NOT_FOUND' });
  }
  return { ...run, ...runStatus(run, deps.now()) };
}
