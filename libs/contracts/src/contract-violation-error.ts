import type { z } from 'zod';

/** Why a message broke the contract; consumers put it in the DLQ headers. */
export type ContractViolationReason =
  'MALFORMED_JSON' | 'UNKNOWN_TOPIC' | 'UNKNOWN_EVENT_TYPE' | 'UNSUPPORTED_SCHEMA_VERSION' | 'INVALID_EVENT';

export interface ContractViolationDetails {
  readonly reason: ContractViolationReason;
  readonly topic: string;
  readonly eventType: string | null;
  readonly schemaVersion: number | null;
  readonly issues: readonly z.core.$ZodIssue[];
}

const describeIssue = (issue: z.core.$ZodIssue) =>
  issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;

/** A message that is not a valid event of its topic. The message is one line so it fits a Kafka header. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  readonly code = 'CONTRACT_VIOLATION';
  readonly reason: ContractViolationReason;
  readonly topic: string;
  readonly eventType: string | null;
  readonly schemaVersion: number | null;
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(details: ContractViolationDetails, options?: ErrorOptions) {
    const subject = details.eventType === null ? 'message' : `${details.eventType} v${details.schemaVersion ?? '?'}`;
    super(
      `${details.reason}: ${subject} on ${details.topic}: ${details.issues.map(describeIssue).join('; ')}`,
      options,
    );
    this.reason = details.reason;
    this.topic = details.topic;
    this.eventType = details.eventType;
    this.schemaVersion = details.schemaVersion;
    this.issues = details.issues;
  }
}

/** Positional shorthand used by the readers and writers in this package. */
export function contractViolation(
  reason: ContractViolationReason,
  topic: string,
  eventType: string | null,
  schemaVersion: number | null,
  issues: readonly z.core.$ZodIssue[],
  cause?: unknown,
): ContractViolationError {
  const details = { reason, topic, eventType, schemaVersion, issues };
  return new ContractViolationError(details, cause === undefined ? undefined : { cause });
}
