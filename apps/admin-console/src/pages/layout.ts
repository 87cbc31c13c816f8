import { html } from 'ghtml';
import type { Abilities } from '../domain/scopes';
import { statusText } from '../domain/status-text';

/** What every signed-in page knows about the request. */
export interface PageContext {
  csrfToken: string;
  abilities: Abilities | null;
  /** Which nav entry is the current page. */
  section: 'connectors' | 'new' | 'activities' | 'users' | 'operations' | 'sign-in' | 'error';
  pollIntervalMs: number;
  /** Reload the page every N seconds when scripts are off (a running Test now); the script updates in place. */
  refreshSeconds?: number | null;
}

const NAV: [PageContext['section'], string, string][] = [
  ['connectors', '/connectors', 'Connected apps'],
  ['new', '/connectors/new', 'Add Zendesk connector'],
  ['activities', '/activities', 'Activity log'],
  ['users', '/users', 'Users'],
  ['operations', '/operations', 'Operations'],
];

/** A hidden CSRF field; every state-changing form carries one. */
export const csrfField = (context: PageContext): string =>
  html`<input type="hidden" name="_csrf" value="${context.csrfToken}" />`;

/** Status as a symbol and words (never colour alone); the class only adds colour. */
export const statusBadge = (status: string, reason?: string | null): string => {
  const text = statusText(status);
  return html`<span class="badge tone-${text.tone}"><span aria-hidden="true">${text.symbol}</span> ${text.label}</span
    >!${reason ? html` <span class="reason">(${reason})</span>` : ''}`;
};

export const dateTime = (iso: string | null | undefined): string =>
  iso === null || iso === undefined
    ? '—'
    : html`<time datetime="${iso}">${iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time>`;

export function layout(title: string, context: PageContext, main: string): string {
  const signedIn = context.abilities !== null;
  const nav = signedIn
    ? html`<nav aria-label="Main">
          <ul>
            !${NAV.filter(([section]) => section !== 'new' || context.abilities?.writeConnectors)
              .map(
                ([section, href, label]) =>
                  html`<li>
                    <a href="${href}" !${section === context.section ? ' aria-current="page"' : ''}>${label}</a>
                  </li>`,
              )
              .join('')}
          </ul>
        </nav>
        <form method="post" action="/sign-out" class="sign-out">
          !${csrfField(context)}<button type="submit">Sign out</button>
        </form>`
    : '';
  const role =
    context.abilities?.writeConnectors === false ? html`<p class="role">Read-only key: changes are disabled.</p>` : '';
  return `<!doctype html>${html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title} · Zendesk connector console</title>
      <link rel="stylesheet" href="/assets/console.css" />
      <script src="/assets/console.js" defer></script>
      !${context.refreshSeconds ? html`<noscript><meta http-equiv="refresh" content="${context.refreshSeconds}" /></noscript>` : ''}
    </head>
    <body data-poll="${context.pollIntervalMs}">
      <a class="skip" href="#main">Skip to content</a>
      <header>
        <p class="brand">Zendesk connector console</p>
        !${nav}!${role}
      </header>
      <main id="main" tabindex="-1">
        <h1>${title}</h1>
        !${main}
      </main>
    </body>
  </html>`}`;
}
