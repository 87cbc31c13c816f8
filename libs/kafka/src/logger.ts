/**
 * The subset of pino's API the library logs through. Injected so the app decides formatting,
 * redaction and destination; nothing here writes to the console.
 */
export interface KafkaLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Discards everything; for callers (benchmarks, some tests) that have no logger to give. */
export const silentLogger: KafkaLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A message for logs and DLQ headers from anything thrown, without trusting its shape. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
}
