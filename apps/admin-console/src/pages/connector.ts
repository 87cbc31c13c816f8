import { html } from 'ghtml';
import type { AdminConnector, ConnectionTestRun, ConnectorStatus, StatusHistory } from '../api/types';
import { explainOutcome } from '../domain/oauth-outcome';
import { historySection, statusSection, testSection } from './connector-status';
import { copyable, input } from './forms';
import { csrfField, layout, type PageContext } from './layout';

export interface ConnectorPageData {
  admin: AdminConnector;
  status: ConnectorStatus | undefined;
  history: StatusHistory | undefined;
  outcome: string | null;
  notice: string | null;
  /** The Test now the page follows (`?test=<id>`), as far as its checks have run. */
  testRun: ConnectionTestRun | undefined;
  errors: Record<string, string>;
}

function outcomeBanner(data: ConnectorPageData): string {
  if (data.outcome === null) return '';
  const explained = explainOutcome(data.outcome);
  const failure = !explained.ok && data.admin.lastFailure ? data.admin.lastFailure.message : null;
  return html`<section
    class="outcome ${explained.ok ? 'tone-ok' : 'tone-bad'}"
    role="alert"
    aria-labelledby="outcome-title"
  >
    <h2 id="outcome-title"><span aria-hidden="true">${explained.ok ? '✓' : '✗'}</span> ${explained.title}</h2>
    !${explained.ok ? '' : html`<p>Reason code: <code>${data.outcome}</code>${failure ? `. Zendesk said: ${failure}` : ''}</p>`}
    <p><strong>What to do:</strong> ${explained.whatToDo}</p>
  </section>`;
}

function actions(context: PageContext, data: ConnectorPageData): string {
  if (!context.abilities?.writeConnectors) return '';
  const { admin } = data;
  const id = admin.id;
  const form = (action: string, body: string, label: string) =>
    html`<form method="post" action="/connectors/${id}/${action}" class="stack">
      !${csrfField(context)}!${body}<button type="submit">${label}</button>
    </form>`;
  if (admin.state === 'disconnected') return '';
  const connect = admin.state !== 'authorized' || admin.needsReconnect;
  return html`<section aria-labelledby="actions-title">
    <h2 id="actions-title">Actions</h2>
    <div class="actions">!${connect ? form('authorize', '', 'Connect in Zendesk') : form('test', '', 'Test now')}</div>
    <details>
      <summary>Rotate client secret</summary>
      !${form('secret', input({ name: 'clientSecret', label: 'New client secret', type: 'password', required: true, error: data.errors['clientSecret'], attributes: 'autocomplete="off"' }), 'Rotate secret')}
    </details>
    <details>
      <summary>Change rate limit</summary>
      !${form('rate-limit', input({ name: 'rateLimitPerMinute', label: 'Requests per minute', type: 'number', value: String(admin.rateLimitPerMinute), required: true, error: data.errors['rateLimitPerMinute'], hint: 'Default 200; at most your Zendesk plan’s limit (2500 on Enterprise Plus).', attributes: 'min="1" max="2500"' }), 'Change rate limit')}
    </details>
    <details>
      <summary>Re-collect a window</summary>
      !${form('recollect', `${input({ name: 'from', label: 'From (UTC)', type: 'datetime-local', required: true, error: data.errors['from'] })}${input({ name: 'to', label: 'To (UTC)', type: 'datetime-local', required: true, error: data.errors['to'] })}`, 'Re-collect')}
    </details>
    <p><a class="button danger" href="/connectors/${id}/disconnect">Disconnect…</a></p>
  </section>`;
}

export function connectorPage(context: PageContext, data: ConnectorPageData): string {
  const { admin } = data;
  // Without the script, the page itself reloads until the test's checks are all in.
  const refreshSeconds =
    data.testRun?.status === 'running' ? Math.max(1, Math.round(context.pollIntervalMs / 1000)) : null;
  return layout(
    admin.name,
    { ...context, refreshSeconds },
    html`!${outcomeBanner(data)}
      !${data.notice === null ? '' : html`<p class="notice" role="status">${data.notice}</p>`}
      <p class="muted">${admin.endpoint} · connector ${admin.id}</p>
      <section aria-labelledby="status-title">
        <h2 id="status-title">Status</h2>
        <div data-live="status">!${statusSection(admin, data.status)}</div>
      </section>
      <section aria-labelledby="test-title">
        <h2 id="test-title">Test now</h2>
        <div data-live="test" aria-live="polite">!${testSection(admin, data.testRun)}</div>
      </section>
      !${actions(context, data)}
      <section aria-labelledby="setup-title">
        <h2 id="setup-title">Zendesk setup</h2>
        !${copyable('redirectUrl', 'Redirect URL', admin.redirectUrl)}
        <p>Client ID: <code>${admin.clientId}</code>. The client secret is stored encrypted and never shown.</p>
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <div data-live="history">!${historySection(data.history)}</div>
      </section>
      <p>
        <a href="/activities?connector=${admin.id}">Activity of this connector</a> ·
        <a href="/users?connector=${admin.id}">Its users</a>
      </p>`,
  );
}

export function disconnectPage(context: PageContext, admin: AdminConnector): string {
  return layout(
    `Disconnect ${admin.name}?`,
    context,
    html`<p>
        Disconnecting stops collection for <strong>${admin.endpoint}</strong> and revokes the OAuth token at Zendesk.
        Collected activities stay in the log. To collect again you register and connect anew.
      </p>
      <form method="post" action="/connectors/${admin.id}/disconnect" class="stack">
        !${csrfField(context)} <button type="submit" class="danger">Disconnect and revoke the token</button>
      </form>
      <p><a href="/connectors/${admin.id}">Cancel</a></p>`,
  );
}
