import { html } from 'ghtml';

/** One same-origin step (meta refresh; no script) so the browser sends the Strict session cookie. */
export const bouncePage = (url: string): string =>
  `<!doctype html>${html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta http-equiv="refresh" content="0;url=${url}" />
      <title>Continuing…</title>
    </head>
    <body>
      <main>
        <h1>Continuing…</h1>
        <p><a href="${url}">Continue to the console</a></p>
      </main>
    </body>
  </html>`}`;
