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
