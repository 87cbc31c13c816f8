import { deriveStatus, describeStatus } from './status-rules';
import { detectStall, stallPersists } from './status-staleness';
import { statusInputs, type StatusTransition, type StatusView } from './status-view';

/** The cause recorded for a transition that time, not an event, brought about. */
export const STALL_CAUSE = 'CollectionStalled';

/**
 * The status at `now`: the stored view plus what only time can tell (a silent collector). Pure; the
 * status API applies it on read and the sweep stores its transitions, with the same deterministic id
 * (derived from the last progress event) whichever instance or sweep gets there first.
 */
export function statusAt(view: StatusView, now: Date): { view: StatusView; transition: StatusTransition | null } {
  const { connector, collection } = view;
  if (stallPersists(view.stall, connector, collection)) return { view, transition: null };
  const stall = detectStall(connector, collection, now);
  const last = collection.lastProgress;
  if (stall === null || last === null) return { view, transition: null };
  const inputs = statusInputs(connector, collection, true);
  const verdict = deriveStatus(inputs);
  const message = describeStatus(verdict, inputs);
  const cause = { eventType: STALL_CAUSE, eventId: `stall-after:${last.eventId}` };
  const changed = verdict.status !== view.status || verdict.reason !== view.reason;
  const next: StatusView = {
    ...view,
    ...verdict,
    message,
    stall,
    statusSince: changed ? stall.since : view.statusSince,
    cause: changed ? cause : view.cause,
  };
  const transition: StatusTransition | null = changed
    ? {
        connectorId: view.connectorId,
        from: view.status,
        to: verdict.status,
        reason: verdict.reason,
        message,
        at: stall.since,
        cause: { ...cause, sequence: last.sequence, stream: 'collection' },
      }
    : null;
  return { view: next, transition };
}
