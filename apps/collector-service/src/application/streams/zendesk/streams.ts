import type { Stream } from '../../runtime/stream';
import { runAuditBackfill } from './audit-backfill';
import { runAuditStream, runRecollections } from './audit-stream';
import { runRoleCheck } from './role-check';
import type { ZendeskStreamContext } from './stream-context';
import { runUsersStream } from './users-stream';

/** What one Zendesk connector's worker runs side by side, on one budget and one checkpoint queue. */
export const zendeskStreams: readonly Stream<ZendeskStreamContext>[] = [
  runUsersStream,
  runAuditStream,
  runAuditBackfill,
  runRoleCheck,
  runRecollections,
];
