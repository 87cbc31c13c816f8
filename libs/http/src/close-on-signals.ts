import type { FastifyInstance } from 'fastify';

export type Closer = () => Promise<void>;

export interface CloseOnSignalsOptions {
  /** Give up and exit non-zero after this long. */
  timeoutMs?: number;
  signals?: readonly NodeJS.Signals[];
  /** Injected for tests; main.ts leaves the defaults. */
  process?: Pick<NodeJS.Process, 'once' | 'off'>;
  exit?: (code: number) => void;
}

/**
 * For main.ts only: on SIGINT/SIGTERM close the HTTP app (readiness drops, in-flight requests
 * finish), then each extra closer in order (consumers, producers, database clients), within a
 * bound. Exits 0 on a clean close and 1 on failure or timeout; a second signal exits at once.
 * Returns a function that removes the handlers.
 */
export const closeOnSignals = (
  app: FastifyInstance,
  extraClosers: readonly Closer[] = [],
  options: CloseOnSignalsOptions = {},
): (() => void) => {
  const { timeoutMs = 10_000, signals = ['SIGINT', 'SIGTERM'], process: target = process } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let closing = false;

  const closeAll = async (): Promise<void> => {
    await app.close();
    for (const close of extraClosers) await close();
  };

  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) {
      app.log.warn({ signal }, 'second signal, exiting now');
      exit(1);
      return;
    }
    closing = true;
    app.log.info({ signal }, 'closing');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`close took longer than ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
    });
    Promise.race([closeAll(), timedOut]).then(
      () => {
        clearTimeout(timer);
        app.log.info('closed');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        app.log.error({ err: error }, 'close failed');
        exit(1);
      },
    );
  };

  const handlers = signals.map((signal) => {
    const handler = (): void => onSignal(signal);
    target.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => handlers.forEach(([signal, handler]) => target.off(signal, handler));
};
