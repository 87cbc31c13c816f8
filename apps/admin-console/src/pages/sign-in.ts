import { html } from 'ghtml';
import { csrfField, layout, type PageContext } from './layout';

export function signInPage(context: PageContext, error: string | null, next: string): string {
  return layout(
    'Sign in',
    context,
    html`<p>
        Sign in with an admin API key (locally the one <code>npm start</code> prints). The key stays on the server in
        your session; this browser only gets a session cookie.
      </p>
      !${error === null ? '' : html`<p class="error" role="alert" id="key-error">${error}</p>`}
      <form method="post" action="/sign-in" class="stack">
        !${csrfField(context)}
        <input type="hidden" name="next" value="${next}" />
        <label for="apiKey">Admin API key</label>
        <input
          id="apiKey"
          name="apiKey"
          type="password"
          autocomplete="off"
          required
          spellcheck="false"
          !${error === null ? '' : ' aria-invalid="true" aria-describedby="key-error"'}
        />
        <button type="submit">Sign in</button>
      </form>`,
  );
}
