import type { CallbackOutcome } from '../application/oauth-callback';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The page a person sees after Zendesk sends them back: what happened and what to do; never a secret. */
export function resultPage(outcome: CallbackOutcome): string {
  const title = outcome.ok ? 'Zendesk connected' : 'Zendesk was not connected';
  const body = outcome.ok
    ? `<p>The connector <strong>${escape(outcome.name)}</strong> is authorized by ${escape(outcome.zendeskUser)}. Collection starts shortly; you can close this window.</p>`
    : `<p>${escape(outcome.message)}</p><p>Reason code: <code>${escape(outcome.reason)}</code></p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>${outcome.ok ? '&#10003; ' : '&#10007; '}${title}</h1>
${body}
</body></html>`;
}
