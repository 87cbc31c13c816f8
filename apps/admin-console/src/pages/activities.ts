import { html } from 'ghtml';
import type { Activity, ActivityRow, AdminConnector } from '../api/types';
import { formToSearch, type ActivityFilterForm } from '../domain/activity-filters';
import { input } from './forms';
import { dateTime, layout, type PageContext } from './layout';

export interface ActivitiesData {
  form: Partial<Record<keyof ActivityFilterForm, string>>;
  parsed: ActivityFilterForm | null;
  errors: Record<string, string>;
  summary: string | null;
  items: ActivityRow[];
  nextCursor: string | null;
  connectors: AdminConnector[];
}

const select = (name: string, label: string, value: string | undefined, options: [string, string][]) =>
  html`<div class="field">
    <label for="${name}">${label}</label
    ><select id="${name}" name="${name}">
      !${options
        .map(([v, text]) => html`<option value="${v}" !${v === (value ?? '') ? ' selected' : ''}>${text}</option>`)
        .join('')}
    </select>
  </div>`;

function filters(data: ActivitiesData): string {
  const f = data.form;
  const e = data.errors;
  return html`<form method="get" action="/activities" class="filters" aria-label="Filters">
    !${select('connector', 'Connector', f.connector, [['', 'All connectors'], ...data.connectors.map((c): [string, string] => [c.id, c.name])])}
    !${input({ name: 'actorId', label: 'Actor (Zendesk user id)', value: f.actorId, error: e['actorId'], attributes: 'inputmode="numeric"' })}
    !${select('actorType', 'Actor type', f.actorType, [
      ['', 'Users and system'],
      ['user', 'Users only'],
      ['system', 'System only'],
    ])}
    !${input({ name: 'action', label: 'Action', value: f.action, error: e['action'], hint: 'create, update, destroy, login, exported' })}
    !${input({ name: 'sourceType', label: 'Source type', value: f.sourceType, error: e['sourceType'], hint: 'e.g. user, ticket, rule' })}
    !${input({ name: 'ip', label: 'IP address or CIDR', value: f.ip, error: e['ip'], hint: 'e.g. 203.0.113.7 or 10.0.0.0/8' })}
    !${input({ name: 'q', label: 'Text in description', value: f.q, error: e['q'] })}
    <div class="field checkbox">
      <input
        id="adminOnly"
        name="adminOnly"
        type="checkbox"
        value="true"
        !${f.adminOnly === 'true' ? ' checked' : ''}
      />
      <label for="adminOnly">Admin activity only</label>
      !${e['adminOnly'] ? html`<span class="field-error" id="adminOnly-error">Error: ${e['adminOnly']}</span>` : ''}
    </div>
    !${input({ name: 'lastDays', label: 'Last N days', type: 'number', value: f.lastDays, error: e['lastDays'], attributes: 'min="1"' })}
    !${input({ name: 'from', label: 'From (UTC)', type: 'datetime-local', value: f.from, error: e['from'] })}
    !${input({ name: 'to', label: 'To (UTC)', type: 'datetime-local', value: f.to, error: e['to'] })}
    <div class="filter-actions"><button type="submit">Apply filters</button> <a href="/activities">Clear</a></div>
  </form>`;
}

const actor = (a: ActivityRow): string =>
  a.actor.type === 'system'
    ? html`<span class="badge tone-idle">System</span> ${a.actor.name}`
    : html`${a.actor.name} <span class="muted">#${a.actor.id}</span>`;

function table(data: ActivitiesData): string {
  if (data.items.length === 0) return html`<p>No activity matches.</p>`;
  const back = data.parsed === null ? '' : formToSearch(data.parsed);
  const rows = data.items
    .map(
      (a) =>
        html`<tr>
          <td>!${dateTime(a.occurredAt)}</td>
          <td>!${actor(a)}</td>
          <td>${a.actionLabel} <code>${a.action}</code></td>
          <td>${a.source.label} <span class="muted">(${a.source.type})</span></td>
          <td>${a.description}</td>
          <td>${a.ipAddress ?? '—'}</td>
          <td>
            <a href="/activities/${encodeURIComponent(a.activityId)}${back ? `?${back}` : ''}"
              >Details<span class="visually-hidden"> of ${a.activityId}</span></a
            >
          </td>
        </tr>`,
    )
    .join('');
  return html`<table>
    <caption class="visually-hidden">
      Activities, newest first
    </caption>
    <thead>
      <tr>
        <th scope="col">When (UTC)</th>
        <th scope="col">Actor</th>
        <th scope="col">Action</th>
        <th scope="col">Source</th>
        <th scope="col">Description</th>
        <th scope="col">IP</th>
        <th scope="col"><span class="visually-hidden">Details</span></th>
      </tr>
    </thead>
    <tbody>
      !${rows}
    </tbody>
  </table>`;
}

export function activitiesPage(context: PageContext, data: ActivitiesData): string {
  const search = data.parsed === null ? '' : formToSearch({ ...data.parsed, cursor: undefined });
  const next =
    data.nextCursor === null || data.parsed === null
      ? ''
      : html`<p>
          <a rel="next" href="/activities?${formToSearch(data.parsed, { cursor: data.nextCursor })}">Next page</a>
        </p>`;
  return layout(
    'Activity log',
    context,
    html`!${filters(data)} !${data.summary === null ? '' : html`<p class="error" role="alert">${data.summary}</p>`}
      <p class="exports">
        Export the filtered set: <a href="/activities/export.ndjson${search ? `?${search}` : ''}" download>NDJSON</a> ·
        <a href="/activities/export.csv${search ? `?${search}` : ''}" download>CSV</a>
      </p>
      !${table(data)} !${next}`,
  );
}

export function activityPage(context: PageContext, activity: Activity, back: string): string {
  return layout(
    `Activity ${activity.activityId}`,
    context,
    html`<p><a href="/activities${back ? `?${back}` : ''}">Back to the activity log</a></p>
      <dl class="facts">
        <dt>When</dt>
        <dd>!${dateTime(activity.occurredAt)} (collected !${dateTime(activity.collectedAt)})</dd>
        <dt>Actor</dt>
        <dd>!${actor(activity)}</dd>
        <dt>Action</dt>
        <dd>${activity.actionLabel} (<code>${activity.action}</code>)</dd>
        <dt>Source</dt>
        <dd>${activity.source.label} (${activity.source.type} ${activity.source.id ?? ''})</dd>
        <dt>Description</dt>
        <dd>${activity.description}</dd>
        <dt>IP address</dt>
        <dd>${activity.ipAddress ?? '—'}</dd>
        <dt>Account</dt>
        <dd>${activity.account} (audit log ${activity.auditLogId})</dd>
      </dl>
      <h2>Zendesk record</h2>
      <p class="muted">The audit-log record exactly as Zendesk returned it.</p>
      <pre tabindex="0" aria-label="Raw Zendesk audit-log record as JSON">
${JSON.stringify(activity.raw, null, 2)}</pre>`,
  );
}
