import { z } from 'zod';
import { IsoDateTime } from './primitives';

/** Who caused an event: an admin (named by API key id, never the key), the system itself, or a service. */
export const Actor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('admin_key'), id: z.string().min(1) }),
  z.object({ kind: z.literal('system') }),
  z.object({ kind: z.literal('service'), name: z.string().min(1) }),
]);
export type Actor = z.infer<typeof Actor>;

/** Fields every event carries, whatever its type (design §4). */
export const EventEnvelope = z.object({
  eventId: z.uuid(),
  type: z.string().min(1),
  schemaVersion: z.int().positive(),
  connectorId: z.string().min(1),
  /**
   * Position in the connector's stream on this topic; gap-free where the writer owns the stream. Streams
   * start at FIRST_SEQUENCE (sequence.ts); 0 is valid for collector streams begun before that was stated.
   */
  sequence: z.int().nonnegative(),
  occurredAt: IsoDateTime,
  recordedAt: IsoDateTime,
  actor: Actor,
  correlationId: z.string().min(1),
  /** The event or request that caused this one; null for the first event of a causal chain. */
  causationId: z.string().min(1).nullable(),
  data: z.unknown(),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/**
 * Defines one version of one event type once: the full envelope schema with `type` and `schemaVersion`
 * pinned to literals, so unions over these schemas discriminate on `type` and TS narrows `data`.
 */
export function defineEvent<const Type extends string, const Version extends number, Data extends z.ZodType>(
  type: Type,
  schemaVersion: Version,
  data: Data,
) {
  const schema = EventEnvelope.extend({
    type: z.literal(type),
    schemaVersion: z.literal(schemaVersion),
    data,
  });
  return { type, schemaVersion, schema } as const;
}

/** What registries and tooling need to know about any event definition. */
export interface AnyEventDefinition {
  readonly type: string;
  readonly schemaVersion: number;
  readonly schema: z.ZodType<EventEnvelope>;
}

/** The TS type of the events a definition describes: `type ConnectorRegistered = EventOf<typeof ConnectorRegistered>`. */
export type EventOf<Definition extends { schema: z.ZodType }> = z.output<Definition['schema']>;
