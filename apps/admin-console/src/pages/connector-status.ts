import { html } from 'ghtml';
import type { AdminConnector, ConnectionTestRun, ConnectorStatus, StatusHistory } from '../api/types';
import { backfillRatio, budgetSummary, tokenSummary } from '../domain/connector-summary';
import { percent } from '../domain/status-text';
import { dateTime, statusBadge } from './layout';

const CAPABILITIES = [
  ['users', 'Users'],
  ['audit_logs', 'Audit logs'],
  ['token', 'Token'],
] as const;

/** Status, per-capability health and backfill: the connector page's live region. */
export function statusSection(admin: AdminConnector, status: ConnectorStatus | undefined): string {
  if (status === undefined) {
    return html`<p>!${statusBadge(admin.state)} ${admin.nextStep}</p>
      <p class="muted">The projection has not seen this connector yet.</p>`;
  }
  const health = CAPABILITIES.map(([key, label]) => {
    const h = status.health[key];
    return html`<tr>
      <th scope="row">${label}</th>
      <td>!${statusBadge(h.state, h.code)}</td>
      <td>${h.message ?? ''}</td>
      <td>!${dateTime(h.since)}</td>
    </tr>`;
  }).join('');
  const b = status.backfill;
  return html`<p class="status-line">
      !${statusBadge(status.status, status.reason)} <span>${status.message}</span>
      <span class="muted">since !${dateTime(status.statusSince)}</span>
    </p>
    <dl class="facts">
      <dt>Backfill</dt>
      <dd>
        <span data-testid="backfill">${percent(backfillRatio(b))}</span> (users ${percent(b.users.ratio)},
        ${b.users.itemsFetched} fetched; audit logs ${percent(b.audit_logs.ratio)}, ${b.audit_logs.itemsFetched}
        fetched)${b.window ? ` for ${b.window.from} – ${b.window.to}` : ''}
      </dd>
      <dt>Last activity</dt>
      <dd>!${dateTime(status.lastActivityAt)}</dd>
      <dt>Last successful poll</dt>
      <dd>!${dateTime(status.lastSuccessfulPollAt)}</dd>
      <dt>Budget</dt>
      <dd>${budgetSummary(status.rateLimit, admin.rateLimitPerMinute)}</dd>
      <dt>Token</dt>
      <dd>${tokenSummary(status.token)}</dd>
      <dt>Authorized by</dt>
      <dd>
        ${admin.authorization ? `${admin.authorization.zendeskUser.email} (${admin.authorization.zendeskUser.role}) at ${admin.authorization.authorizedAt}` : 'not authorized'}
      </dd>
    </dl>
    <table>
      <caption>
        Health per capability
      </caption>
      <thead>
        <tr>
          <th scope="col">Capability</th>
          <th scope="col">State</th>
          <th scope="col">Detail</th>
          <th scope="col">Since</th>
        </tr>
      </thead>
      <tbody>
        !${health}
      </tbody>
    </table>`;
}

type RunCheck = ConnectionTestRun['checks'][number];

const checkItem = (check: RunCheck): string =>
  check.state === 'pending'
    ? html`<li class="check" data-check="${check.name}" data-state="pending">
        !${statusBadge('pending')} <strong>${check.name}</strong>: waiting for its result
      </li>`
    : html`<li class="check" data-check="${check.name}" data-state="done">
        !${statusBadge(check.ok ? 'ok' : 'failing', check.code)} <strong>${check.name}</strong>: ${check.message}
        <span class="muted">(${check.durationMs} ms)</span>
      </li>`;

const checkList = (checks: RunCheck[]): string =>
  html`<ul class="checks">
    !${checks.map(checkItem).join('')}
  </ul>`;

const RUN_HEADLINE = {
  running: 'Test running: each check shows its result as it completes.',
  interrupted: 'This test was interrupted before all checks finished; run Test now again.',
} as const;

/**
 * The Test now this page follows, each check pending until its result is in; without one, the connector's
 * last test.
 */
export function testSection(admin: AdminConnector, run: ConnectionTestRun | undefined): string {
  if (run !== undefined && run.status !== 'completed') {
    return html`<p role="status" data-test-status="${run.status}">
        !${statusBadge(run.status === 'running' ? 'running' : 'failing')} ${RUN_HEADLINE[run.status]}
      </p>
      !${checkList(run.checks)}`;
  }
  if (run !== undefined) {
    return html`<p data-test-status="completed">
        !${statusBadge(run.ok ? 'ok' : 'failing')} Tested at !${dateTime(run.completedAt)}
      </p>
      !${checkList(run.checks)}`;
  }
  const last = admin.lastTest;
  if (last === null) return html`<p>No test yet.</p>`;
  return html`<p>!${statusBadge(last.ok ? 'ok' : 'failing')} Tested at !${dateTime(last.at)}</p>
    !${checkList(last.checks.map((check) => ({ ...check, state: 'done' as const })))}`;
}

export function historySection(history: StatusHistory | undefined): string {
  if (history === undefined || history.items.length === 0) return html`<p>No status change yet.</p>`;
  return html`<ol class="timeline">
    !${history.items
      .map(
        (item) =>
          html`<li>
            !${dateTime(item.at)}: ${item.from} → <strong>${item.to}</strong>
            <code>${item.reason}</code> ${item.message} <span class="muted">(${item.cause.eventType})</span>
          </li>`,
      )
      .join('')}
  </ol>`;
}
