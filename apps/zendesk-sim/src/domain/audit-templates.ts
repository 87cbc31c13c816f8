import type { AuditAction } from './audit-entry';
import type { Rng } from './random';

export interface AuditTemplate {
  readonly action: AuditAction;
  readonly sourceType: string;
  readonly sourceLabel: (rng: Rng, target: string) => string;
  readonly changeDescription: (rng: Rng, actor: string, target: string) => string;
  readonly weight: number;
}

const ROLES = ['End User', 'Agent', 'Administrator', 'Light Agent'] as const;
const SETTINGS = [
  'Account Assumption',
  'Zendesk Support Mobile App Access',
  'Credit Card Redaction',
  'Two-factor authentication',
  'Password policy',
] as const;
const RULES = [
  'Trigger: Notify requester of received request',
  'Trigger: Notify assignee of assignment',
  'Automation: Close ticket 4 days after status is set to solved',
  'Macro: Close and redirect to topics',
] as const;
const APPS = ['Slack', 'Jira', 'Salesforce', 'Zendesk Guide Web Widget'] as const;

const fixed = (text: string) => () => text;

/**
 * Shapes taken from the examples the reference cites (Panther's Zendesk fixtures): role changes,
 * owner changes, account settings, API tokens, logins and exports.
 */
export const AUDIT_TEMPLATES: readonly AuditTemplate[] = [
  { action: 'login', sourceType: 'user', sourceLabel: (_r, t) => t, changeDescription: fixed(''), weight: 40 },
  {
    action: 'update',
    sourceType: 'user',
    sourceLabel: (_r, t) => t,
    changeDescription: (rng) => {
      const from = rng.pick(ROLES);
      const to = rng.pick(ROLES.filter((r) => r !== from));
      return `Role changed from ${from} to ${to}`;
    },
    weight: 12,
  },
  {
    action: 'update',
    sourceType: 'account_setting',
    sourceLabel: (rng) => rng.pick(SETTINGS),
    changeDescription: (rng) => rng.pick(['Enabled', 'Disabled', 'Changed']),
    weight: 10,
  },
  {
    action: 'create',
    sourceType: 'api_token',
    sourceLabel: fixed('API token'),
    changeDescription: fixed(''),
    weight: 4,
  },
  {
    action: 'update',
    sourceType: 'rule',
    sourceLabel: (rng) => rng.pick(RULES),
    changeDescription: fixed('Conditions changed\nActions changed'),
    weight: 12,
  },
  {
    action: 'create',
    sourceType: 'app',
    sourceLabel: (rng) => rng.pick(APPS),
    changeDescription: fixed('Installed'),
    weight: 3,
  },
  {
    action: 'exported',
    sourceType: 'account',
    sourceLabel: fixed('Account: Account'),
    changeDescription: fixed('Users export'),
    weight: 3,
  },
  {
    action: 'update',
    sourceType: 'account',
    sourceLabel: fixed('Account: Account'),
    changeDescription: (_r, actor, target) => `Owner changed from ${actor} to ${target}`,
    weight: 1,
  },
  {
    action: 'destroy',
    sourceType: 'user',
    sourceLabel: (_r, t) => t,
    changeDescription: fixed('Deleted'),
    weight: 2,
  },
  {
    action: 'update',
    sourceType: 'user_setting',
    sourceLabel: (_r, t) => `${t}: Suspended`,
    changeDescription: (rng) => rng.pick(['Suspended', 'Unsuspended']),
    weight: 3,
  },
];

export function pickTemplate(rng: Rng): AuditTemplate {
  const total = AUDIT_TEMPLATES.reduce((sum, t) => sum + t.weight, 0);
  let roll = rng.next() * total;
  for (const template of AUDIT_TEMPLATES) {
    roll -= template.weight;
    if (roll < 0) return template;
  }
  return AUDIT_TEMPLATES[0] as AuditTemplate;
}
