import type { z } from 'zod';
import type { AnyEventDefinition, EventEnvelope } from '../envelope';

type VersionOf<Schema> = { readonly type: string; readonly schemaVersion: number; readonly schema: Schema };

export type UpcastResult = { success: true; data: unknown } | { success: false; issues: z.core.$ZodIssue[] };

/**
 * One step of an event type's history: validates a message of `fromVersion` and lifts it to `toVersion`.
 *
 * When a change needs one: a field added as optional stays within its version (old readers drop what
 * they do not know, the JSON Schemas allow extra fields, and new readers say what its absence means,
 * e.g. `rotationDueAtOf`); removing, renaming or retyping a field, or adding a required one, is a new
 * version with an upcaster from the one before.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  /** The older definition, kept so its JSON Schema stays exported for readers still on it. */
  readonly from: AnyEventDefinition;
  apply(message: unknown): UpcastResult;
}

/**
 * Upcasters run when reading, so old messages stay untouched in the log and every reader sees only the
 * current shape. Each step validates its input against the old schema first, so `upcast` works on
 * typed data and a chain v1 -> v2 -> v3 checks every hop. The registry's tests check chains are contiguous.
 */
export function defineUpcaster<From extends z.ZodType<EventEnvelope>, To extends z.ZodType<EventEnvelope>>(
  from: VersionOf<From>,
  to: VersionOf<To>,
  upcast: (event: z.output<From>) => z.output<To>,
): Upcaster {
  return {
    type: from.type,
    fromVersion: from.schemaVersion,
    toVersion: to.schemaVersion,
    from,
    apply(message) {
      const parsed = from.schema.safeParse(message);
      return parsed.success
        ? { success: true, data: upcast(parsed.data) }
        : { success: false, issues: parsed.error.issues };
    },
  };
}
