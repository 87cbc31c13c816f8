import { html } from 'ghtml';
import { copyable, input } from './forms';
import { csrfField, layout, type PageContext } from './layout';

export interface NewConnectorForm {
  values: { name?: string; clientId?: string; endpoint?: string };
  errors: Record<string, string>;
  summary: string | null;
  redirectUrl: string;
}

export function newConnectorPage(context: PageContext, form: NewConnectorForm): string {
  const { values, errors } = form;
  return layout(
    'Add Zendesk connector',
    context,
    html`<ol class="steps">
        <li>
          In Zendesk Admin Center open Apps and integrations → APIs → OAuth clients and add a client (kind:
          confidential).
        </li>
        <li>Paste this redirect URL into the client’s Redirect URLs.</li>
        <li>
          Enter the client’s unique identifier, its secret (shown once by Zendesk) and your account’s endpoint below.
        </li>
      </ol>
      !${copyable('redirectUrl', 'Redirect URL', form.redirectUrl)}
      !${form.summary === null ? '' : html`<div class="error" role="alert"><p>${form.summary}</p></div>`}
      <form method="post" action="/connectors" class="stack" novalidate>
        !${csrfField(context)}
        !${input({ name: 'name', label: 'Name', value: values.name, required: true, error: errors['name'], hint: 'A descriptive name, e.g. “Acme support Zendesk”.' })}
        !${input({ name: 'clientId', label: 'Client ID', value: values.clientId, required: true, error: errors['clientId'], hint: 'The OAuth client’s unique identifier.', attributes: 'autocomplete="off" spellcheck="false"' })}
        !${input({ name: 'clientSecret', label: 'Client secret', type: 'password', required: true, error: errors['clientSecret'], hint: 'Stored encrypted; never shown again, not even here.', attributes: 'autocomplete="off"' })}
        !${input({ name: 'endpoint', label: 'Client endpoint', value: values.endpoint, required: true, error: errors['endpoint'], hint: '<account>.zendesk.com', attributes: 'autocomplete="off" spellcheck="false"' })}
        <button type="submit">Add connector</button>
      </form>`,
  );
}
