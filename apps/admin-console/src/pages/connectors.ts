import { html } from 'ghtml';
import type { AdminConnector, ConnectorStatus } from '../api/types';
import { backfillRatio, budgetSummary, tokenSummary } from '../domain/connector-summary';
import { percent } from '../domain/status-text';
import { dateTime, layout, statusBadge, type PageContext } from './layout';

export interface ConnectorRow {
  admin: AdminConnector;
  status: ConnectorStatus | undefined;
}

const row = (r: ConnectorRow): string => {
  const status = r.status?.status ?? (r.admin.state === 'disconnected' ? 'Disconnected' : 'Pending');
  return html`<tr>
    <th scope="row"><a href="/connectors/${r.admin.id}">${r.admin.name}</a></th>
    <td>${r.admin.endpoint}</td>
    <td>
      !${statusBadge(status, r.status?.reason)}<br /><span class="muted">${r.status?.message ?? r.admin.nextStep}</span>
    </td>
    <td>!${dateTime(r.status?.lastActivityAt)}</td>
    <td>${percent(backfillRatio(r.status?.backfill))}</td>
    <td data-testid="budget">${budgetSummary(r.status?.rateLimit, r.admin.rateLimitPerMinute)}</td>
    <td>${tokenSummary(r.status?.token ?? r.admin.authorization?.token)}</td>
  </tr>`;
};

/** The rows only: the live region the polling script swaps. */
export const connectorTable = (rows: ConnectorRow[]): string =>
  rows.length === 0
    ? html`<p>No connector yet.</p>`
    : html`<table>
        <caption class="visually-hidden">
          Connectors with status, last activity, backfill, budget and token
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Account</th>
            <th scope="col">Status</th>
            <th scope="col">Last activity</th>
            <th scope="col">Backfill</th>
            <th scope="col">Budget use</th>
            <th scope="col">Token</th>
          </tr>
        </thead>
        <tbody>
          !${rows.map(row).join('')}
        </tbody>
      </table>`;

export function connectorsPage(context: PageContext, rows: ConnectorRow[]): string {
  return layout(
    'Connected apps',
    context,
    html`!${context.abilities?.writeConnectors ? html`<p><a class="button" href="/connectors/new">+ Zendesk</a></p>` : ''}
      <div data-live="connectors" aria-live="polite">!${connectorTable(rows)}</div>`,
  );
}
