const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export interface ConsentView {
  readonly accountName: string;
  readonly clientName: string;
  readonly userName: string;
  readonly scopes: readonly string[];
  /** Every authorize parameter, carried through the form so the POST can finish the flow. */
  readonly hidden: Readonly<Record<string, string>>;
}

export function consentPage(view: ConsentView): string {
  const inputs = Object.entries(view.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('\n      ');
  const scopes = view.scopes.map((s) => `<li><code>${escape(s)}</code></li>`).join('');
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Allow access – ${escape(view.accountName)}</title></head>
  <body style="font-family: sans-serif; max-width: 32rem; margin: 4rem auto">
    <h1>${escape(view.clientName)} would like to access your Zendesk account</h1>
    <p>Signed in as <strong>${escape(view.userName)}</strong> on <strong>${escape(view.accountName)}</strong>.</p>
    <p>It requests these permissions:</p>
    <ul>${scopes}</ul>
    <form method="post" action="/oauth/authorizations">
      ${inputs}
      <button type="submit" name="decision" value="allow">Allow</button>
      <button type="submit" name="decision" value="deny">Deny</button>
    </form>
  </body>
</html>`;
}

export function invalidAuthorizationPage(reason: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invalid Authorization Request</title></head>
<body><h1>Invalid Authorization Request</h1><p>${escape(reason)}</p></body></html>`;
}
