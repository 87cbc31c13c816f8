import { FIRST_SEQUENCE, newEvent, ZendeskActivityRecorded } from '@zc/contracts';
import { describe, expect, it } from 'vitest';
import { toActivity, type AuditRecord } from './activity';

const record = (overrides: Partial<AuditRecord> = {}): AuditRecord => ({
  id: 498483,
  url: 'https://acme.zendesk.com/api/v2/audit_logs/498483.json',
  action: 'update',
  action_label: 'Updated',
  actor_id: 1234,
  actor_name: 'Jane Admin',
  source_id: 3456,
  source_type: 'user',
  source_label: 'John Agent',
  change_description: 'Role changed from Administrator to End User',
  ip_address: '209.119.38.228',
  created_at: '2024-05-07T17:30:11Z',
  ...overrides,
});

const envelope = (data: ZendeskActivityRecorded['data']) =>
  newEvent(
    'ZendeskActivityRecorded',
    {
      eventId: '6f1c1e0e-2a8c-4a53-9a57-3f1f6c3b1f00',
      connectorId: 'c-1',
      sequence: FIRST_SEQUENCE,
      occurredAt: '2024-05-07T17:30:11Z',
      recordedAt: '2024-05-07T17:31:00Z',
      actor: { kind: 'service', name: 'collector-service' },
      correlationId: 'c-1',
      causationId: null,
    },
    data,
  );

describe('toActivity', () => {
  it('maps a user action with a deterministic activity id and keeps the raw record', () => {
    const activity = toActivity(record(), 'acme', '2024-05-07T17:31:00.000Z', 'Acme Support');
    expect(activity).toMatchObject({
      activityId: 'zd:acme:498483',
      occurredAt: '2024-05-07T17:30:11Z',
      actor: { id: 1234, name: 'Jane Admin', type: 'user' },
      action: 'update',
      actionLabel: 'Updated',
      source: { type: 'user', id: 3456, label: 'John Agent' },
      description: 'Role changed from Administrator to End User',
      ipAddress: '209.119.38.228',
    });
    expect(activity.raw['url']).toBe('https://acme.zendesk.com/api/v2/audit_logs/498483.json');
    expect(ZendeskActivityRecorded.schema.safeParse(envelope(activity)).success).toBe(true);
  });

  it('shows system actions (actor -1 or null) with the account, by the name Zendesk reports, as the actor', () => {
    for (const actorId of [-1, null, 0]) {
      const system = record({ actor_id: actorId, actor_name: 'Zendesk', ip_address: null });
      const activity = toActivity(system, 'acme', 'x', 'Acme Support');
      expect(activity.actor).toEqual({ id: actorId ?? -1, name: 'Acme Support', type: 'system' });
      expect(activity.account).toBe('acme');
      expect(activity.ipAddress).toBeNull();
    }
  });

  it('fills what Zendesk leaves out so the event still validates', () => {
    const sparse = record({ action_label: null, source_type: null, source_label: null, change_description: null });
    const activity = toActivity(sparse, 'acme', '2024-05-07T17:31:00Z', 'Acme Support');
    expect(activity).toMatchObject({ actionLabel: 'update', source: { type: 'unknown', label: '' }, description: '' });
    expect(ZendeskActivityRecorded.schema.safeParse(envelope(activity)).success).toBe(true);
  });
});
