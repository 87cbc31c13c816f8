import { z } from 'zod';

/** ISO-8601 instant; an explicit offset is accepted so writers need not normalise to `Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Zendesk ids are JSON integers in its API; we keep them as numbers so no reader has to convert. */
export const ZendeskId = z.int().nonnegative();

/** The three roles Zendesk reports on a user; only `admin` may authorize a connector. */
export const ZendeskRole = z.enum(['end-user', 'agent', 'admin']);
export type ZendeskRole = z.infer<typeof ZendeskRole>;

/** A Zendesk account's subdomain (`acme` in `acme.zendesk.com`); lower-case so ids built from it are stable. */
export const ZendeskAccount = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case Zendesk subdomain');

/** A Zendesk account's host, exactly `<subdomain>.zendesk.com`. */
export const ZendeskEndpoint = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\.zendesk\.com$/, 'a Zendesk host of the form <subdomain>.zendesk.com');

const Base64 = z.base64().min(1);

/**
 * An AES-256-GCM sealed secret. Events carry secrets only in this form; `keyId` names the key that sealed
 * it so keys can be rotated while older events stay readable.
 */
export const EncryptedBlob = z.object({
  keyId: z.string().min(1),
  iv: Base64,
  ciphertext: Base64,
  tag: Base64,
});
export type EncryptedBlob = z.infer<typeof EncryptedBlob>;

const isOrdered = (window: { from: string; to: string }) => Date.parse(window.from) <= Date.parse(window.to);

/** A time window, `from` inclusive and `to` exclusive; an empty window (`from === to`) is allowed. */
export const TimeWindow = z
  .object({ from: IsoDateTime, to: IsoDateTime })
  .refine(isOrdered, { message: '`from` must not be after `to`', path: ['to'] });
export type TimeWindow = z.infer<typeof TimeWindow>;

/**
 * Characters no name, id or secret typed by a person contains, and that make stored text lie when
 * shown: C0 and C1 controls (NUL, BEL, newlines, ESC...), DEL, the bidi embeddings, overrides and
 * isolates (U+202A-U+202E, U+2066-U+2069; "Trojan Source") and the invisible LRM/RLM marks.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The first unsafe character of `text` as `U+XXXX`, or null when it has none. */
export const unsafeCharacterIn = (text: string): string | null => {
  const found = UNSAFE_TEXT.exec(text)?.[0];
  return found === undefined ? null : `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
};

export const unsafeCharacterMessage = (codePoint: string): string =>
  `must not contain control or bidirectional formatting characters (found ${codePoint})`;

/** Refines any string schema to refuse unsafe characters (see UNSAFE_TEXT); use it on every text field of an API. */
export const safeText = <T extends z.ZodType<string>>(schema: T) =>
  schema.superRefine((value, context) => {
    const found = unsafeCharacterIn(value);
    if (found !== null) context.addIssue({ code: 'custom', message: unsafeCharacterMessage(found) });
  });
