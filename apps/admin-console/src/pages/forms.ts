import type { FieldError } from '@zc/errors';
import { html } from 'ghtml';

/** API field names ("body.endpoint") → the form's input names ("endpoint"). */
export function fieldMessages(fields: readonly FieldError[] | undefined): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const { field, message } of fields ?? []) {
    const name = field.replace(/^(body|querystring|params)\./, '');
    messages[name] = messages[name] === undefined ? message : `${messages[name]}; ${message}`;
  }
  return messages;
}

export interface InputOptions {
  name: string;
  label: string;
  value?: string | undefined;
  type?: string;
  hint?: string;
  required?: boolean;
  error?: string | undefined;
  attributes?: string;
}

/** A labelled input with its hint and its error tied to it for screen readers (aria-describedby). */
export function input(o: InputOptions): string {
  const hintId = `${o.name}-hint`;
  const errorId = `${o.name}-error`;
  const describedBy = [o.hint ? hintId : null, o.error ? errorId : null].filter((id) => id !== null).join(' ');
  return html`<div class="field">
    <label for="${o.name}">${o.label}</label>
    !${o.hint ? html`<span class="hint" id="${hintId}">${o.hint}</span>` : ''}
    !${o.error ? html`<span class="field-error" id="${errorId}">Error: ${o.error}</span>` : ''}
    <input
      id="${o.name}"
      name="${o.name}"
      type="${o.type ?? 'text'}"
      value="${o.value ?? ''}"
      !${o.required ? ' required' : ''}!${
        describedBy ? html` aria-describedby="${describedBy}"` : ''
      }!${o.error ? ' aria-invalid="true"' : ''}
      !${o.attributes ?? ''}
    />
  </div>`;
}

/** A read-only value with a copy button (the button works with the console script; the text is selectable anyway). */
export function copyable(id: string, label: string, value: string): string {
  return html`<div class="field">
    <label for="${id}">${label}</label>
    <span class="copy-row"
      ><input id="${id}" type="text" readonly value="${value}" /><button type="button" data-copy="${id}">
        Copy
      </button></span
    >
  </div>`;
}
