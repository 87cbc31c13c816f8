import type { AppError } from '@zc/errors';
import { html } from 'ghtml';
import { layout, type PageContext } from './layout';

const ADVICE: Record<number, string> = {
  403: 'Your key does not allow this. Sign in with a key that has the needed scope.',
  404: 'It may have been removed, or the link is wrong.',
  502: 'A service behind the console is down or failing; try again shortly.',
  503: 'A service is busy; try again in a few seconds.',
};

export function errorPage(context: PageContext, error: AppError): string {
  return layout(
    error.title,
    context,
    html`<div class="error" role="alert">
        <p>${error.detail}</p>
        <p>Code: <code>${error.code}</code> (HTTP ${error.status})</p>
      </div>
      !${ADVICE[error.status] ? html`<p>${ADVICE[error.status]}</p>` : ''}
      <p><a href="/connectors">Back to Connected apps</a></p>`,
  );
}
