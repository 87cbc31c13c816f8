import type { FastifyBaseLogger } from 'fastify';

/** Work a request starts but does not wait for (Test now); closing the app waits for it. */
export interface BackgroundTasks {
  run(name: string, task: Promise<unknown>): void;
  idle(): Promise<void>;
}

export function createBackgroundTasks(log: FastifyBaseLogger): BackgroundTasks {
  const running = new Set<Promise<unknown>>();
  return {
    run(name, task) {
      const tracked = task
        .catch((error: unknown) => log.error({ err: error, task: name }, 'background task failed'))
        .finally(() => running.delete(tracked));
      running.add(tracked);
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
