import type { AuditEntry } from '../domain/audit-entry';
import type { OAuthToken } from '../domain/oauth-model';
import { toZendeskTime } from '../domain/time';
import type { SimUser } from '../domain/user';

const iso = (ms: number | null) => (ms === null ? null : toZendeskTime(Math.floor(ms / 1000)));

export function userJson(subdomain: string, user: SimUser) {
  return {
    id: user.id,
    url: `https://${subdomain}.zendesk.com/api/v2/users/${user.id}.json`,
    name: user.name,
    email: user.email,
    created_at: toZendeskTime(user.createdAt),
    updated_at: toZendeskTime(user.updatedAt),
    time_zone: user.timeZone,
    iana_time_zone: user.ianaTimeZone,
    locale: user.locale,
    locale_id: 1,
    organization_id: user.organizationId,
    role: user.role,
    role_type: user.roleType,
    custom_role_id: user.customRoleId,
    verified: true,
    active: user.active,
    suspended: user.suspended,
    shared: false,
    shared_agent: false,
    restricted_agent: user.role === 'agent',
    moderator: user.role === 'admin',
    last_login_at: user.lastLoginAt === null ? null : toZendeskTime(user.lastLoginAt),
    two_factor_auth_enabled: null,
    tags: user.tags,
    user_fields: {},
  };
}

export function anonymousUserJson() {
  return { id: null, url: null, name: 'Anonymous user', email: 'invalid@example.com', role: 'end-user', active: true };
}

export function auditJson(subdomain: string, entry: AuditEntry) {
  return {
    url: `https://${subdomain}.zendesk.com/api/v2/audit_logs/${entry.id}.json`,
    id: entry.id,
    action_label: entry.actionLabel,
    actor_id: entry.actorId,
    actor_name: entry.actorName,
    source_id: entry.sourceId,
    source_type: entry.sourceType,
    source_label: entry.sourceLabel,
    action: entry.action,
    change_description: entry.changeDescription,
    ip_address: entry.ipAddress,
    created_at: toZendeskTime(entry.createdAt),
  };
}

/** Lists show only the first 10 characters of a token (reference §1.7). */
export function tokenJson(subdomain: string, token: OAuthToken, truncate: boolean) {
  return {
    id: token.id,
    url: `https://${subdomain}.zendesk.com/api/v2/oauth/tokens/${token.id}.json`,
    client_id: token.clientId,
    user_id: token.userId,
    token: truncate ? token.accessToken.slice(0, 10) : token.accessToken,
    refresh_token: token.refreshToken === null ? null : truncate ? token.refreshToken.slice(0, 10) : token.refreshToken,
    scopes: token.scopes,
    created_at: iso(token.createdAt),
    used_at: iso(token.usedAt),
    expires_at: iso(token.expiresAt),
    refresh_token_expires_at: iso(token.refreshExpiresAt),
  };
}

// Entries never change once stored, so their JSON is encoded once; a page is then one copy of bytes
// rather than a string join that the socket re-encodes as UTF-8 on every response.
const auditJsonCache = new WeakMap<AuditEntry, Buffer>();
const OPEN = Buffer.from('{"audit_logs":[');
const COMMA = Buffer.from(',');

function auditJsonBytes(subdomain: string, entry: AuditEntry): Buffer {
  let bytes = auditJsonCache.get(entry);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(auditJson(subdomain, entry)));
    auditJsonCache.set(entry, bytes);
  }
  return bytes;
}

/** `{"audit_logs":[...],<rest>}` where `rest` is an object whose members follow the list. */
export function auditPageBytes(subdomain: string, entries: readonly AuditEntry[], rest: object): Buffer {
  const parts: Buffer[] = [OPEN];
  for (const entry of entries) {
    if (parts.length > 1) parts.push(COMMA);
    parts.push(auditJsonBytes(subdomain, entry));
  }
  parts.push(Buffer.from(`],${JSON.stringify(rest).slice(1)}`));
  return Buffer.concat(parts);
}
