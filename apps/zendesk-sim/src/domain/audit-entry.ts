import { z } from 'zod';

export const AuditActionSchema = z.enum(['create', 'destroy', 'exported', 'login', 'update']);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** The simulator's stored form of an audit log entry; `visibleAt` models ingestion delay. */
export interface AuditEntry {
  readonly id: number;
  /** Unix seconds, as Zendesk's second-precision `created_at`. */
  readonly createdAt: number;
  /** Epoch ms from which the API returns this entry; late entries have visibleAt well after createdAt. */
  readonly visibleAt: number;
  readonly action: AuditAction;
  readonly actionLabel: string;
  readonly actorId: number | null;
  readonly actorName: string;
  readonly sourceId: number;
  readonly sourceType: string;
  readonly sourceLabel: string;
  readonly changeDescription: string;
  readonly ipAddress: string | null;
}

export const ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  create: 'Created',
  destroy: 'Deleted',
  exported: 'Exported',
  login: 'Signed in',
  update: 'Updated',
};
